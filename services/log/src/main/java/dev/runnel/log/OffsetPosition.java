package dev.runnel.log;

/** An offset-index entry: a batch's base offset and its byte position in the segment file. */
record OffsetPosition(long offset, int position) {
}
