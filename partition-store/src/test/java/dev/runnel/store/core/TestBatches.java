package dev.runnel.store.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Builds uncompressed Kafka v2 record batches for tests: the 61-byte batch header (CRC-32C over
 * attributes..end) followed by records of varint-framed key-less values.
 */
final class TestBatches {
    static final int HEADER_SIZE = 61;

    private TestBatches() {
    }

    /** A batch of non-idempotent records, all stamped {@code timestamp}. */
    static byte[] batch(long timestamp, String... values) {
        return batch(-1L, (short) -1, -1, timestamp, values);
    }

    static byte[] batch(long producerId, short producerEpoch, int baseSequence, long timestamp, String... values) {
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int i = 0; i < values.length; i++) {
            byte[] value = values[i].getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(0); // attributes
            writeVarlong(body, 0); // timestamp delta
            writeVarlong(body, i); // offset delta
            writeVarlong(body, -1); // null key
            writeVarlong(body, value.length);
            body.writeBytes(value);
            writeVarlong(body, 0); // no headers
            writeVarlong(records, body.size());
            records.writeBytes(body.toByteArray());
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + records.size());
        b.putLong(0L); // base offset, assigned by the leader
        b.putInt(b.capacity() - 12);
        b.putInt(-1); // partition leader epoch, assigned by the leader
        b.put((byte) 2);
        int crcPosition = b.position();
        b.putInt(0);
        b.putShort((short) 0); // attributes: no compression, CreateTime
        b.putInt(values.length - 1);
        b.putLong(timestamp);
        b.putLong(timestamp);
        b.putLong(producerId);
        b.putShort(producerEpoch);
        b.putInt(baseSequence);
        b.putInt(values.length);
        b.put(records.toByteArray());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), crcPosition + 4, b.capacity() - crcPosition - 4);
        b.putInt(crcPosition, (int) crc.getValue());
        return b.array();
    }

    /** The base offset written into a stored batch. */
    static long baseOffset(ByteBuffer batches, int position) {
        return batches.getLong(position);
    }

    private static void writeVarlong(ByteArrayOutputStream out, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
