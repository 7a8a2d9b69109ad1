package dev.runnel.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.apache.kafka.common.protocol.MessageSizeAccumulator;
import org.apache.kafka.common.protocol.Writable;
import org.apache.kafka.common.utils.ByteUtils;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Writable} that builds a frame as a list of segments instead of one array: the small fields go
 * into one exactly sized heap buffer, and each "zero-copy" field (record batches of a fetch response,
 * written through {@link #writeByteBuffer}) of at least {@link #MIN_ZERO_COPY_BYTES} becomes its own
 * segment sharing the caller's memory, as kafka-clients' {@code SendBuilder} does. Smaller ones are copied:
 * below that size a copy is cheaper than one more buffer component and iovec.
 *
 * <p>The heap buffer is sized with {@link Sizes}, which applies the same threshold; {@link #finish} checks
 * that the writes filled it exactly. One frame per instance; not thread-safe.
 */
final class SegmentedFrameWriter implements Writable {
    static final int MIN_ZERO_COPY_BYTES = 4096;

    /** Frame sizes as the writer will lay them out: zero-copy fields below the threshold count as heap bytes. */
    static final class Sizes extends MessageSizeAccumulator {
        @Override
        public void addZeroCopyBytes(int size) {
            if (size >= MIN_ZERO_COPY_BYTES) {
                super.addZeroCopyBytes(size);
            } else {
                addBytes(size);
            }
        }
    }

    private final ByteBuffer heap;
    private final List<ByteBuf> segments = new ArrayList<>();
    private int segmentStart;

    SegmentedFrameWriter(int heapBytes) {
        this.heap = ByteBuffer.allocate(heapBytes);
    }

    @Override
    public void writeByteBuffer(ByteBuffer buf) {
        if (buf.remaining() >= MIN_ZERO_COPY_BYTES) {
            closeHeapSegment();
            segments.add(Unpooled.wrappedBuffer(buf.duplicate()));
        } else {
            heap.put(buf.duplicate());
        }
    }

    /**
     * The frame, whose segments share the heap buffer and the zero-copy fields' memory.
     *
     * @throws IllegalStateException if the writes did not fill the heap buffer exactly or the frame is
     *                               not {@code expectedBytes} long
     */
    ByteBuf finish(int expectedBytes) {
        closeHeapSegment();
        if (heap.hasRemaining()) {
            throw new IllegalStateException("frame left " + heap.remaining() + " of " + heap.capacity()
                    + " heap bytes unwritten");
        }
        ByteBuf frame = Unpooled.wrappedBuffer(segments.toArray(ByteBuf[]::new));
        if (frame.readableBytes() != expectedBytes) {
            throw new IllegalStateException("frame is " + frame.readableBytes() + " bytes, expected " + expectedBytes);
        }
        return frame;
    }

    private void closeHeapSegment() {
        int end = heap.position();
        if (end > segmentStart) {
            segments.add(Unpooled.wrappedBuffer(heap.array(), heap.arrayOffset() + segmentStart, end - segmentStart));
            segmentStart = end;
        }
    }

    @Override
    public void writeByte(byte val) {
        heap.put(val);
    }

    @Override
    public void writeShort(short val) {
        heap.putShort(val);
    }

    @Override
    public void writeInt(int val) {
        heap.putInt(val);
    }

    @Override
    public void writeLong(long val) {
        heap.putLong(val);
    }

    @Override
    public void writeDouble(double val) {
        heap.putDouble(val);
    }

    @Override
    public void writeByteArray(byte[] arr) {
        heap.put(arr);
    }

    @Override
    public void writeUnsignedVarint(int i) {
        ByteUtils.writeUnsignedVarint(i, heap);
    }

    @Override
    public void writeVarint(int i) {
        ByteUtils.writeVarint(i, heap);
    }

    @Override
    public void writeVarlong(long i) {
        ByteUtils.writeVarlong(i, heap);
    }
}
