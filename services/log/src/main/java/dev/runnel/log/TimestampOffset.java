package dev.runnel.log;

/** A timestamp and the offset of the record that carries it (also a time-index entry). */
public record TimestampOffset(long timestamp, long offset) {
}
