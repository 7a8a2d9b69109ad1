package dev.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;

/**
 * Walks the batches of a segment file between two positions, reading ahead in chunks so that scanning
 * many small batches costs few system calls. After {@link #advance} returns true, the batch header (or
 * the whole batch, if asked for) is in {@link #buffer()} at {@link #offsetInBuffer()}.
 * <p>
 * It checks only what framing needs (a full header is present, the length is plausible and within the
 * file); CRC and content checks are the caller's. A framing failure ends the walk and is reported by
 * {@link #tornReason()}. Not thread-safe: one walker per thread.
 */
final class FileBatchIterator {
    private final FileChannel channel;
    private final long end;
    private final int readAhead;
    private final int maxBatchBytes;
    private ByteBuffer chunk;
    private long chunkStart;
    private long position;
    private long nextPosition;
    private int batchSize;
    private Optional<String> tornReason = Optional.empty();

    /**
     * @param readAhead     bytes to read per refill (small for header-only scans of big batches)
     * @param maxBatchBytes a batch claiming more than this is treated as garbage
     */
    FileBatchIterator(FileChannel channel, long start, long end, int readAhead, int maxBatchBytes) {
        this.channel = channel;
        this.end = end;
        this.readAhead = Math.max(readAhead, BatchHeader.HEADER_SIZE);
        this.maxBatchBytes = maxBatchBytes;
        this.nextPosition = start;
        this.chunk = ByteBuffer.allocate(this.readAhead);
        this.chunkStart = start;
        this.chunk.limit(0);
    }

    /**
     * Moves to the next batch. Returns false at the end of the range, or when the bytes there cannot be
     * a batch (then {@link #tornReason()} says why).
     *
     * @param wholeBatch load the whole batch, not just its header
     */
    boolean advance(boolean wholeBatch) throws IOException {
        position = nextPosition;
        long left = end - position;
        if (left == 0) {
            return false;
        }
        if (left < BatchHeader.HEADER_SIZE) {
            return torn("only " + left + " bytes left, less than a " + BatchHeader.HEADER_SIZE + "-byte batch header");
        }
        ensureLoaded(BatchHeader.HEADER_SIZE);
        int length = BatchHeader.batchLength(chunk, offsetInBuffer());
        long size = (long) BatchHeader.LOG_OVERHEAD + length;
        if (length < BatchHeader.HEADER_SIZE - BatchHeader.LOG_OVERHEAD) {
            return torn("batch length " + length + " is smaller than a batch header");
        }
        if (size > left) {
            return torn("batch of " + size + " bytes but only " + left + " bytes left in the file");
        }
        if (size > maxBatchBytes) {
            return torn("batch of " + size + " bytes is larger than the " + maxBatchBytes + "-byte sanity limit");
        }
        batchSize = (int) size;
        if (wholeBatch) {
            ensureLoaded(batchSize);
        }
        nextPosition = position + size;
        return true;
    }

    /** File position of the current batch. */
    long position() {
        return position;
    }

    int batchSize() {
        return batchSize;
    }

    ByteBuffer buffer() {
        return chunk;
    }

    int offsetInBuffer() {
        return (int) (position - chunkStart);
    }

    Optional<String> tornReason() {
        return tornReason;
    }

    private boolean torn(String reason) {
        tornReason = Optional.of(reason);
        return false;
    }

    private void ensureLoaded(int bytes) throws IOException {
        if (position >= chunkStart && position + bytes <= chunkStart + chunk.limit()) {
            return;
        }
        if (chunk.capacity() < bytes) {
            chunk = ByteBuffer.allocate(Math.max(bytes, readAhead));
        }
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), end - position));
        FileIo.readFully(channel, chunk, position);
        chunk.flip();
        chunkStart = position;
    }
}
