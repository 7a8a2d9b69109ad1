package dev.runnel.store.core;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fixed header fields of Kafka v2 record batches that the store needs without decoding
 * records: a batch is {@code baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic int8,
 * crc int32, attributes int16, lastOffsetDelta int32, baseTimestamp int64, maxTimestamp int64, ...}, big
 * endian, and occupies {@code 12 + batchLength} bytes. Bytes are never changed here.
 */
public final class RecordBatches {
    static final int LOG_OVERHEAD = 12;
    private static final int LAST_OFFSET_DELTA = 23;
    private static final int MAX_TIMESTAMP = 35;
    private static final int HEADER_SIZE = 61;

    private RecordBatches() {
    }

    /** Header facts of one batch. */
    public record BatchHeader(long baseOffset, int sizeInBytes, long lastOffset, long maxTimestamp) {
    }

    /** The headers of the whole batches in {@code records} (from its position; a torn tail is ignored). */
    public static List<BatchHeader> headers(ByteBuffer records) {
        List<BatchHeader> headers = new ArrayList<>();
        int pos = records.position();
        while (records.limit() - pos >= HEADER_SIZE) {
            int size = LOG_OVERHEAD + records.getInt(pos + 8);
            if (size < HEADER_SIZE || size > records.limit() - pos) {
                break;
            }
            long base = records.getLong(pos);
            headers.add(new BatchHeader(base, size, base + records.getInt(pos + LAST_OFFSET_DELTA),
                    records.getLong(pos + MAX_TIMESTAMP)));
            pos += size;
        }
        return headers;
    }

    /** The longest prefix of whole batches whose size is at most {@code maxBytes}; shares memory with {@code records}. */
    public static ByteBuffer wholeBatchesWithin(ByteBuffer records, int maxBytes) {
        int length = 0;
        for (BatchHeader header : headers(records)) {
            if (length + header.sizeInBytes() > maxBytes) {
                break;
            }
            length += header.sizeInBytes();
        }
        ByteBuffer prefix = records.duplicate();
        prefix.limit(records.position() + length);
        return prefix.slice();
    }
}
