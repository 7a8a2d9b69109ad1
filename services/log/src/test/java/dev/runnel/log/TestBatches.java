package dev.runnel.log;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Builds valid Kafka v2 record batches for tests: records with key, value and headers, zig-zag varints,
 * CRC-32C — the bytes a Kafka producer would send (uncompressed).
 */
public final class TestBatches {
    private TestBatches() {
    }

    public record Header(String key, byte[] value) {
    }

    public record Rec(long timestamp, byte[] key, byte[] value, List<Header> headers) {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One batch of records with values "v0".."vN-1", all stamped {@code timestamp}. */
    public static ByteBuffer batch(long timestamp, int records) {
        Builder b = builder();
        for (int i = 0; i < records; i++) {
            b.record(timestamp, "k" + i, "v" + i);
        }
        return b.build();
    }

    /** Concatenates buffers (each from position to limit) into one. */
    public static ByteBuffer concat(ByteBuffer... buffers) {
        int size = 0;
        for (ByteBuffer b : buffers) {
            size += b.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (ByteBuffer b : buffers) {
            out.put(b.duplicate());
        }
        return out.flip();
    }

    public static final class Builder {
        private long baseOffset;
        private int leaderEpoch = -1;
        private long producerId = -1;
        private short producerEpoch = -1;
        private int baseSequence = -1;
        private final List<Rec> records = new ArrayList<>();

        public Builder baseOffset(long v) {
            baseOffset = v;
            return this;
        }

        public Builder leaderEpoch(int v) {
            leaderEpoch = v;
            return this;
        }

        public Builder producer(long id, short epoch, int firstSequence) {
            producerId = id;
            producerEpoch = epoch;
            baseSequence = firstSequence;
            return this;
        }

        public Builder record(long timestamp, String key, String value, Header... headers) {
            records.add(new Rec(timestamp, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8), List.of(headers)));
            return this;
        }

        public Builder record(long timestamp, byte[] key, byte[] value) {
            records.add(new Rec(timestamp, key, value, List.of()));
            return this;
        }

        /** {@code count} records with {@code valueSize}-byte values. */
        public Builder records(int count, int valueSize, long timestamp) {
            for (int i = 0; i < count; i++) {
                byte[] value = new byte[valueSize];
                value[0] = (byte) i;
                record(timestamp, ("key-" + i).getBytes(StandardCharsets.UTF_8), value);
            }
            return this;
        }

        public ByteBuffer build() {
            if (records.isEmpty()) {
                throw new IllegalStateException("a batch needs at least one record");
            }
            long baseTimestamp = records.get(0).timestamp();
            long maxTimestamp = records.stream().mapToLong(Rec::timestamp).max().orElseThrow();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = 0; i < records.size(); i++) {
                writeRecord(body, records.get(i), i, baseTimestamp);
            }
            byte[] recordBytes = body.toByteArray();
            ByteBuffer b = ByteBuffer.allocate(61 + recordBytes.length);
            b.putLong(baseOffset);
            b.putInt(b.capacity() - 12);
            b.putInt(leaderEpoch);
            b.put((byte) 2);
            b.putInt(0); // CRC, filled below
            b.putShort((short) 0);
            b.putInt(records.size() - 1);
            b.putLong(baseTimestamp);
            b.putLong(maxTimestamp);
            b.putLong(producerId);
            b.putShort(producerEpoch);
            b.putInt(baseSequence);
            b.putInt(records.size());
            b.put(recordBytes);
            CRC32C crc = new CRC32C();
            crc.update(b.array(), 21, b.capacity() - 21);
            b.putInt(17, (int) crc.getValue());
            return b.flip();
        }

        private static void writeRecord(ByteArrayOutputStream out, Rec r, int offsetDelta, long baseTimestamp) {
            ByteArrayOutputStream rec = new ByteArrayOutputStream();
            rec.write(0); // attributes
            writeVarlong(rec, r.timestamp() - baseTimestamp);
            writeVarlong(rec, offsetDelta);
            writeBytes(rec, r.key());
            writeBytes(rec, r.value());
            writeVarlong(rec, r.headers().size());
            for (Header h : r.headers()) {
                writeBytes(rec, h.key().getBytes(StandardCharsets.UTF_8));
                writeBytes(rec, h.value());
            }
            byte[] bytes = rec.toByteArray();
            writeVarlong(out, bytes.length);
            out.writeBytes(bytes);
        }

        private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
            if (bytes == null) {
                writeVarlong(out, -1);
            } else {
                writeVarlong(out, bytes.length);
                out.writeBytes(bytes);
            }
        }

        static void writeVarlong(ByteArrayOutputStream out, long value) {
            long v = (value << 1) ^ (value >> 63);
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    /** Base offsets of the batches in a buffer. */
    public static List<Long> baseOffsets(ByteBuffer buffer) {
        List<Long> out = new ArrayList<>();
        for (int at = buffer.position(); at < buffer.limit(); at += 12 + buffer.getInt(at + 8)) {
            out.add(buffer.getLong(at));
        }
        return out;
    }

    /** Values of every record of every (uncompressed) batch in the buffer, as strings. */
    public static List<String> values(ByteBuffer buffer) {
        List<String> out = new ArrayList<>();
        for (int at = buffer.position(); at < buffer.limit(); at += 12 + buffer.getInt(at + 8)) {
            ByteBuffer in = buffer.duplicate();
            in.position(at + 61);
            int count = buffer.getInt(at + 57);
            for (int i = 0; i < count; i++) {
                UncompressedRecords.readVarlong(in); // length
                in.get();
                UncompressedRecords.readVarlong(in);
                UncompressedRecords.readVarlong(in);
                int keyLen = (int) UncompressedRecords.readVarlong(in);
                in.position(in.position() + Math.max(keyLen, 0));
                int valueLen = (int) UncompressedRecords.readVarlong(in);
                byte[] value = new byte[Math.max(valueLen, 0)];
                in.get(value);
                out.add(new String(value, StandardCharsets.UTF_8));
                int headers = (int) UncompressedRecords.readVarlong(in);
                for (int h = 0; h < headers; h++) {
                    int hk = (int) UncompressedRecords.readVarlong(in);
                    in.position(in.position() + hk);
                    int hv = (int) UncompressedRecords.readVarlong(in);
                    in.position(in.position() + Math.max(hv, 0));
                }
            }
        }
        return out;
    }
}
