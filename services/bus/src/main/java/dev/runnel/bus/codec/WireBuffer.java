package dev.runnel.bus.codec;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.buffer.impl.BufferImpl;

import java.nio.charset.StandardCharsets;

/** A read cursor over a Vert.x buffer plus the matching writers, for the hand-written binary codecs. */
final class WireBuffer {
    private final Buffer buffer;
    private int pos;

    WireBuffer(Buffer buffer, int pos) {
        this.buffer = buffer;
        this.pos = pos;
    }

    static void writeString(Buffer out, String s) {
        if (s == null) {
            out.appendInt(-1);
        } else {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.appendInt(bytes.length).appendBytes(bytes);
        }
    }

    /** Bytes {@link #writeString} takes for {@code s}. */
    static int sizeOf(String s) {
        return 4 + (s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * Grows {@code out} once to hold {@code bytes} more, so writing record batches of hundreds of KiB does
     * not copy them again at every doubling of the buffer ("size, then write").
     */
    static void reserve(Buffer out, int bytes) {
        // getByteBuf() is a fixed-capacity view; only the implementation's own ByteBuf can grow
        if (out instanceof BufferImpl impl) {
            impl.byteBuf().ensureWritable(bytes);
        }
    }

    /** Length-prefixed bytes; the slice shares memory with {@code in}. */
    static void writeBytes(Buffer out, Buffer in) {
        out.appendInt(in.length()).appendBuffer(in);
    }

    short readShort() {
        short v = buffer.getShort(pos);
        pos += 2;
        return v;
    }

    int readInt() {
        int v = buffer.getInt(pos);
        pos += 4;
        return v;
    }

    long readLong() {
        long v = buffer.getLong(pos);
        pos += 8;
        return v;
    }

    String readString() {
        int length = readInt();
        if (length < 0) {
            return null;
        }
        String s = buffer.getString(pos, pos + length, "UTF-8");
        pos += length;
        return s;
    }

    /** A slice of the received buffer, not a copy: valid as long as the message is. */
    Buffer readBytes() {
        int length = readInt();
        Buffer slice = buffer.slice(pos, pos + length);
        pos += length;
        return slice;
    }
}
