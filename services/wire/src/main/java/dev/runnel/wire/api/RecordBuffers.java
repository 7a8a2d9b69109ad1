package dev.runnel.wire.api;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.record.BaseRecords;
import org.apache.kafka.common.record.MemoryRecords;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Moves record batches between kafka-clients' {@link MemoryRecords} and Vert.x {@link Buffer} without
 * copying: both directions wrap the same memory. The bytes belong to the request frame (produce) or to
 * the backend's buffer (fetch); both are heap memory, so nothing needs releasing.
 */
public final class RecordBuffers {
    private RecordBuffers() {
    }

    /** The batches of a produce partition as a Buffer sharing memory, or empty if they are not in memory. */
    public static Optional<Buffer> toBuffer(BaseRecords records) {
        if (records instanceof MemoryRecords memory) {
            return Optional.of(Buffer.buffer(Unpooled.wrappedBuffer(memory.buffer().duplicate())));
        }
        return Optional.empty();
    }

    /** A read-only view of {@code buffer} as records for a fetch response. */
    public static MemoryRecords toRecords(Buffer buffer) {
        if (buffer == null || buffer.length() == 0) {
            return MemoryRecords.EMPTY;
        }
        ByteBuffer bytes = buffer.getByteBuf().nioBuffer();
        return MemoryRecords.readableRecords(bytes);
    }
}
