package dev.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sparse offset index of one segment ({@code <base offset>.index}): maps a batch's base offset to its byte
 * position in the .log, one entry roughly every index.interval.bytes. Entry layout (8 bytes, big-endian):
 * {@code relativeOffset int32} (offset - segment base offset), {@code position int32}. Keys strictly
 * increase. Crash policy: sparse, no checksum, rebuilt from the .log on recovery. Thread-safety: see
 * {@link AbstractIndex}.
 */
final class OffsetIndex extends AbstractIndex {
    static final int ENTRY_SIZE = 8;

    OffsetIndex(Path file, long baseOffset, int maxIndexSize) throws IOException {
        super(file, baseOffset, maxIndexSize, ENTRY_SIZE);
    }

    @Override
    protected long key(ByteBuffer index, int slot) {
        return baseOffset + index.getInt(slot * ENTRY_SIZE);
    }

    @Override
    protected long value(ByteBuffer index, int slot) {
        return index.getInt(slot * ENTRY_SIZE + 4);
    }

    @Override
    protected void write(ByteBuffer index, long key, long value) {
        index.putInt((int) (key - baseOffset));
        index.putInt((int) value);
    }

    /** Adds (offset, position); offsets must grow and fit in 32 bits relative to the base offset. */
    void append(long offset, int position) {
        long relative = offset - baseOffset;
        if (relative < 0 || relative > Integer.MAX_VALUE) {
            throw new InvalidRecordException("Offset " + offset + " does not fit index " + file() + " with base offset " + baseOffset);
        }
        lastEntry().ifPresent(last -> {
            if (offset <= last[0]) {
                throw new InvalidRecordException("Offset " + offset + " is not larger than the last entry " + last[0] + " of index " + file());
            }
        });
        appendEntry(offset, position);
    }

    /** The entry with the largest offset &lt;= target: where a scan for {@code targetOffset} can start. */
    Optional<OffsetPosition> lookup(long targetOffset) {
        return floorSlot(targetOffset, false).stream().mapToObj(this::entry).findFirst();
    }

    Optional<OffsetPosition> last() {
        return lastEntry().map(e -> new OffsetPosition(e[0], (int) e[1]));
    }

    /** Removes entries for offsets &gt;= offset. */
    void truncateTo(long offset) {
        truncateFrom(offset, false);
    }

    private OffsetPosition entry(int slot) {
        long[] e = entryAt(slot);
        return new OffsetPosition(e[0], (int) e[1]);
    }
}
