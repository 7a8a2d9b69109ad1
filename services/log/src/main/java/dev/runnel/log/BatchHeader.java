package dev.runnel.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The Kafka v2 ("magic 2") record-batch header, read and edited in place in a big-endian buffer; every
 * accessor takes the buffer and the index where the batch starts. Layout (offsets from the batch start):
 * <pre>
 *  0 baseOffset           int64   \ outside the CRC: assigned by the log
 *  8 batchLength          int32    | bytes after this field (so a batch is 12 + batchLength bytes)
 * 12 partitionLeaderEpoch int32   /
 * 16 magic                int8    = 2
 * 17 crc                  uint32  CRC-32C of bytes 21 .. end of batch
 * 21 attributes           int16   bits 0-2 compression, 3 timestamp type (1 = LogAppendTime), 4 transactional, 5 control
 * 23 lastOffsetDelta      int32
 * 27 baseTimestamp        int64
 * 35 maxTimestamp         int64
 * 43 producerId           int64   -1 = not idempotent
 * 51 producerEpoch        int16
 * 53 baseSequence         int32
 * 57 recordsCount         int32
 * 61 records ...
 * </pre>
 * Invariant kept by callers: a batch is only read through these accessors after its length has been
 * checked against the buffer. Stateless and thread-safe (absolute gets/puts only).
 */
final class BatchHeader {
    static final int BASE_OFFSET = 0;
    static final int BATCH_LENGTH = 8;
    static final int PARTITION_LEADER_EPOCH = 12;
    static final int MAGIC = 16;
    static final int CRC = 17;
    static final int ATTRIBUTES = 21;
    static final int LAST_OFFSET_DELTA = 23;
    static final int BASE_TIMESTAMP = 27;
    static final int MAX_TIMESTAMP = 35;
    static final int PRODUCER_ID = 43;
    static final int PRODUCER_EPOCH = 51;
    static final int BASE_SEQUENCE = 53;
    static final int RECORDS_COUNT = 57;
    /** Bytes before the records. */
    static final int HEADER_SIZE = 61;
    /** baseOffset + batchLength: the bytes not counted by batchLength. */
    static final int LOG_OVERHEAD = 12;
    /** The CRC covers the batch from here (attributes) to its end. */
    static final int CRC_START = ATTRIBUTES;
    static final byte CURRENT_MAGIC = 2;
    static final int COMPRESSION_MASK = 0x07;
    static final int LOG_APPEND_TIME_FLAG = 0x08;
    static final long NO_PRODUCER_ID = -1;
    static final long NO_TIMESTAMP = -1;

    private BatchHeader() {
    }

    static long baseOffset(ByteBuffer b, int at) {
        return b.getLong(at + BASE_OFFSET);
    }

    static int batchLength(ByteBuffer b, int at) {
        return b.getInt(at + BATCH_LENGTH);
    }

    /** Whole batch size in bytes (header overhead included). */
    static int sizeInBytes(ByteBuffer b, int at) {
        return LOG_OVERHEAD + batchLength(b, at);
    }

    static int partitionLeaderEpoch(ByteBuffer b, int at) {
        return b.getInt(at + PARTITION_LEADER_EPOCH);
    }

    static byte magic(ByteBuffer b, int at) {
        return b.get(at + MAGIC);
    }

    static long storedCrc(ByteBuffer b, int at) {
        return Integer.toUnsignedLong(b.getInt(at + CRC));
    }

    static short attributes(ByteBuffer b, int at) {
        return b.getShort(at + ATTRIBUTES);
    }

    static boolean isCompressed(ByteBuffer b, int at) {
        return (attributes(b, at) & COMPRESSION_MASK) != 0;
    }

    static boolean isLogAppendTime(ByteBuffer b, int at) {
        return (attributes(b, at) & LOG_APPEND_TIME_FLAG) != 0;
    }

    static int lastOffsetDelta(ByteBuffer b, int at) {
        return b.getInt(at + LAST_OFFSET_DELTA);
    }

    static long lastOffset(ByteBuffer b, int at) {
        return baseOffset(b, at) + lastOffsetDelta(b, at);
    }

    static long baseTimestamp(ByteBuffer b, int at) {
        return b.getLong(at + BASE_TIMESTAMP);
    }

    static long maxTimestamp(ByteBuffer b, int at) {
        return b.getLong(at + MAX_TIMESTAMP);
    }

    static long producerId(ByteBuffer b, int at) {
        return b.getLong(at + PRODUCER_ID);
    }

    static short producerEpoch(ByteBuffer b, int at) {
        return b.getShort(at + PRODUCER_EPOCH);
    }

    static int baseSequence(ByteBuffer b, int at) {
        return b.getInt(at + BASE_SEQUENCE);
    }

    /** The sequence of the batch's last record; sequences wrap from Integer.MAX_VALUE to 0 like Kafka's. */
    static int lastSequence(ByteBuffer b, int at) {
        long last = (long) baseSequence(b, at) + lastOffsetDelta(b, at);
        return (int) (last > Integer.MAX_VALUE ? last - Integer.MAX_VALUE - 1 : last);
    }

    static int recordsCount(ByteBuffer b, int at) {
        return b.getInt(at + RECORDS_COUNT);
    }

    /** CRC-32C over attributes .. end, as the v2 format defines it. */
    static long computeCrc(ByteBuffer b, int at) {
        ByteBuffer covered = b.duplicate();
        covered.limit(at + sizeInBytes(b, at)).position(at + CRC_START);
        CRC32C crc = new CRC32C();
        crc.update(covered);
        return crc.getValue();
    }

    static boolean isCrcValid(ByteBuffer b, int at) {
        return computeCrc(b, at) == storedCrc(b, at);
    }

    /** Offsets and leader epoch live outside the CRC, so assigning them needs no CRC update. */
    static void assignOffsetAndEpoch(ByteBuffer b, int at, long baseOffset, int leaderEpoch) {
        b.putLong(at + BASE_OFFSET, baseOffset);
        b.putInt(at + PARTITION_LEADER_EPOCH, leaderEpoch);
    }

    /** Marks the batch LogAppendTime with {@code nowMs} as its max timestamp; both are CRC-covered. */
    static void stampLogAppendTime(ByteBuffer b, int at, long nowMs) {
        b.putShort(at + ATTRIBUTES, (short) (attributes(b, at) | LOG_APPEND_TIME_FLAG));
        b.putLong(at + MAX_TIMESTAMP, nowMs);
        b.putInt(at + CRC, (int) computeCrc(b, at));
    }
}
