package dev.runnel.wire;

import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Cuts a TCP byte stream into Kafka request frames.
 *
 * <p>Layout: every frame is {@code int32 size} (big-endian) followed by {@code size} bytes of request
 * (header + body). A size below 0 or above {@code maxFrameBytes} is refused as soon as its four bytes
 * arrive, before any of the body is buffered, so a garbage prefix cannot make us allocate.
 *
 * <p>Each frame is copied once, into its own heap {@link ByteBuffer}; everything parsed from it (record
 * batches included) is a slice of that buffer and stays valid as long as someone holds it. Nothing here
 * needs releasing. Not thread-safe: one decoder per connection, used on its event loop.
 */
final class FrameDecoder {
    private final int maxFrameBytes;
    private Buffer pending = Buffer.buffer();
    private int readPos;

    FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    void append(Buffer chunk) {
        if (readPos > 0 && readPos == pending.length()) {
            pending = Buffer.buffer();
            readPos = 0;
        } else if (readPos > 0 && readPos >= pending.length() / 2) {
            // drop consumed bytes so a long-lived connection does not keep its whole history
            pending = pending.getBuffer(readPos, pending.length());
            readPos = 0;
        }
        pending.appendBuffer(chunk);
    }

    /**
     * The next complete frame (without its size prefix), or empty when more bytes are needed.
     *
     * @throws InvalidFrameException when the next size prefix is negative or too large
     */
    Optional<ByteBuffer> next() {
        int available = pending.length() - readPos;
        if (available < 4) {
            return Optional.empty();
        }
        int size = pending.getInt(readPos);
        if (size < 0 || size > maxFrameBytes) {
            throw new InvalidFrameException(size, maxFrameBytes);
        }
        if (available - 4 < size) {
            return Optional.empty();
        }
        int start = readPos + 4;
        ByteBuffer frame = ByteBuffer.wrap(pending.getBytes(start, start + size));
        readPos = start + size;
        return Optional.of(frame);
    }

    /** Bytes received but not yet returned as frames (for tests and diagnostics). */
    int bufferedBytes() {
        return pending.length() - readPos;
    }
}
