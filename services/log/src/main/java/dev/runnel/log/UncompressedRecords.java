package dev.runnel.log;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Reads record timestamps and offsets out of an uncompressed v2 batch, for offsetForTimestamp. Each record
 * is: length varint, attributes int8, timestampDelta varlong, offsetDelta varint, key, value, headers —
 * zig-zag varints as in Kafka. Only the fields needed are decoded; the rest is skipped by length.
 * Stateless and thread-safe.
 */
final class UncompressedRecords {
    private UncompressedRecords() {
    }

    /**
     * The first record of the batch (starting at {@code at}, wholly in {@code batch}) whose timestamp is at
     * least {@code timestampMs}.
     */
    static Optional<TimestampOffset> firstAtOrAfter(ByteBuffer batch, int at, long timestampMs) {
        ByteBuffer in = batch.duplicate();
        int end = at + BatchHeader.sizeInBytes(batch, at);
        in.limit(end).position(at + BatchHeader.HEADER_SIZE);
        long baseTimestamp = BatchHeader.baseTimestamp(batch, at);
        long baseOffset = BatchHeader.baseOffset(batch, at);
        int count = BatchHeader.recordsCount(batch, at);
        for (int i = 0; i < count && in.hasRemaining(); i++) {
            int length = (int) readVarlong(in);
            int recordStart = in.position();
            in.get(); // attributes, unused
            long timestamp = baseTimestamp + readVarlong(in);
            long offset = baseOffset + readVarlong(in);
            if (timestamp >= timestampMs) {
                return Optional.of(new TimestampOffset(timestamp, offset));
            }
            if (recordStart + length > end) {
                break;
            }
            in.position(recordStart + length);
        }
        return Optional.empty();
    }

    static long readVarlong(ByteBuffer in) {
        long raw = 0;
        int shift = 0;
        while (true) {
            byte b = in.get();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalArgumentException("Varlong longer than 10 bytes at " + in.position());
            }
        }
        return (raw >>> 1) ^ -(raw & 1);
    }
}
