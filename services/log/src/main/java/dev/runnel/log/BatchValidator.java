package dev.runnel.log;

import java.nio.ByteBuffer;

/**
 * Checks a buffer of v2 batches before it is appended: framing (no partial trailing batch, sane lengths),
 * magic 2, CRC-32C, size against max.message.bytes, lastOffsetDelta &gt;= 0 and — for replicated batches,
 * whose offsets are kept — offsets that only grow. The work is per batch (header reads plus one CRC pass),
 * never per record. Stateless and thread-safe.
 */
final class BatchValidator {
    private BatchValidator() {
    }

    /**
     * What the validator learnt about a buffer.
     *
     * @param offsetCount    offsets the batches occupy (sum of lastOffsetDelta + 1)
     * @param firstBaseOffset base offset of the first batch as found in the buffer
     * @param lastOffset     last offset of the last batch as found in the buffer
     * @param maxTimestamp   largest batch maxTimestamp
     * @param firstMaxTimestamp the first batch's maxTimestamp (segment.ms roll decisions use it)
     */
    record Summary(int batchCount, int sizeInBytes, long offsetCount, long firstBaseOffset, long lastOffset,
                   long maxTimestamp, long firstMaxTimestamp) {
    }

    /**
     * @param b               big-endian view; batches from position to limit
     * @param maxBatchBytes   larger batches are refused (Integer.MAX_VALUE to skip the check)
     * @param requireMonotonicOffsets refuse batches whose offsets do not follow the previous batch's
     * @param where           partition directory, for messages
     */
    static Summary validate(ByteBuffer b, int maxBatchBytes, boolean requireMonotonicOffsets, String where) {
        int at = b.position();
        int end = b.limit();
        int count = 0;
        long offsetCount = 0;
        long firstBase = -1;
        long previousLast = Long.MIN_VALUE;
        long maxTimestamp = BatchHeader.NO_TIMESTAMP;
        long firstMaxTimestamp = BatchHeader.NO_TIMESTAMP;
        while (at < end) {
            int left = end - at;
            if (left < BatchHeader.HEADER_SIZE) {
                throw new CorruptRecordException("Partial trailing batch for " + where + ": " + left
                        + " bytes at buffer position " + at + " cannot hold a " + BatchHeader.HEADER_SIZE + "-byte header");
            }
            int length = BatchHeader.batchLength(b, at);
            if (length < BatchHeader.HEADER_SIZE - BatchHeader.LOG_OVERHEAD) {
                throw new CorruptRecordException("Batch at buffer position " + at + " for " + where
                        + " declares length " + length + ", smaller than a batch header");
            }
            long size = (long) BatchHeader.LOG_OVERHEAD + length;
            if (size > left) {
                throw new CorruptRecordException("Partial trailing batch for " + where + ": batch at buffer position "
                        + at + " declares " + size + " bytes but only " + left + " remain");
            }
            byte magic = BatchHeader.magic(b, at);
            if (magic != BatchHeader.CURRENT_MAGIC) {
                throw new InvalidRecordException("Batch at buffer position " + at + " for " + where + " has magic "
                        + magic + "; only magic " + BatchHeader.CURRENT_MAGIC + " is supported");
            }
            if (size > maxBatchBytes) {
                throw new RecordTooLargeException("Batch of " + size + " bytes for " + where
                        + " exceeds max.message.bytes=" + maxBatchBytes);
            }
            long stored = BatchHeader.storedCrc(b, at);
            long computed = BatchHeader.computeCrc(b, at);
            if (stored != computed) {
                throw new CorruptRecordException("Batch at buffer position " + at + " for " + where
                        + " fails its CRC: stored " + Long.toHexString(stored) + ", computed " + Long.toHexString(computed));
            }
            int lastOffsetDelta = BatchHeader.lastOffsetDelta(b, at);
            if (lastOffsetDelta < 0) {
                throw new InvalidRecordException("Batch at buffer position " + at + " for " + where
                        + " has negative lastOffsetDelta " + lastOffsetDelta);
            }
            long base = BatchHeader.baseOffset(b, at);
            if (requireMonotonicOffsets && (base < 0 || base <= previousLast)) {
                throw new InvalidRecordException("Batch at buffer position " + at + " for " + where + " has base offset "
                        + base + ", not after the previous batch's last offset " + previousLast);
            }
            long batchMax = BatchHeader.maxTimestamp(b, at);
            if (count == 0) {
                firstBase = base;
                firstMaxTimestamp = batchMax;
            }
            maxTimestamp = Math.max(maxTimestamp, batchMax);
            previousLast = base + lastOffsetDelta;
            offsetCount += lastOffsetDelta + 1L;
            count++;
            at += (int) size;
        }
        return new Summary(count, end - b.position(), offsetCount, firstBase, previousLast, maxTimestamp, firstMaxTimestamp);
    }
}
