package dev.runnel.gateway.core;

import io.vertx.core.buffer.Buffer;

/**
 * Counts the records in a run of Kafka v2 record batches by reading each batch header's
 * {@code recordsCount} field: no decompression, no record parsing.
 *
 * <p>Layout (v2, KIP-98): baseOffset int64, batchLength int32 (bytes after this field), then at byte 16
 * the magic, and at byte {@value #RECORDS_COUNT_OFFSET} recordsCount int32. A batch that is cut off (a
 * fetch may end with a partial batch) and anything after it are not counted; a batch with another magic
 * (legacy message sets, which produce v3+ never carries) counts as zero records but its length is still
 * used to step over it.
 */
public final class BatchRecordCounts {
    static final int LENGTH_OFFSET = 8;
    static final int MAGIC_OFFSET = 16;
    static final int RECORDS_COUNT_OFFSET = 57;
    static final int HEADER_BYTES = 61;
    private static final int LOG_OVERHEAD = 12;

    private BatchRecordCounts() {
    }

    /** Records in the complete v2 batches of {@code batches}; 0 for an empty buffer. */
    public static long count(Buffer batches) {
        long records = 0;
        int position = 0;
        int end = batches.length();
        while (end - position >= LOG_OVERHEAD) {
            int batchLength = batches.getInt(position + LENGTH_OFFSET);
            long batchEnd = (long) position + LOG_OVERHEAD + batchLength;
            if (batchLength < 0 || batchEnd > end) {
                break;
            }
            if (batchLength + LOG_OVERHEAD >= HEADER_BYTES && batches.getByte(position + MAGIC_OFFSET) == 2) {
                records += Math.max(0, batches.getInt(position + RECORDS_COUNT_OFFSET));
            }
            position = (int) batchEnd;
        }
        return records;
    }
}
