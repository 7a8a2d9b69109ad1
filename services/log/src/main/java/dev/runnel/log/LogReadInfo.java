package dev.runnel.log;

import java.nio.ByteBuffer;

/**
 * The outcome of one read: whole v2 batches, byte for byte as stored, plus the log's bounds at the time
 * of the read.
 *
 * @param records a fresh heap buffer owned by the caller (position 0, limit = bytes); empty when nothing
 *                was readable
 */
public record LogReadInfo(ByteBuffer records, long logStartOffset, long logEndOffset, long highWatermark) {
}
