package dev.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Sparse time index of one segment ({@code <base offset>.timeindex}). An entry (T, O) says: T is the
 * largest timestamp among offsets &lt;= O, and O carries it. Entry layout (12 bytes, big-endian):
 * {@code timestamp int64}, {@code relativeOffset int32}. Timestamps strictly increase, offsets never
 * decrease. A final entry is added when the segment stops being active, so the last entry holds the
 * segment's largest timestamp. Crash policy: sparse, no checksum, rebuilt from the .log on recovery.
 * Thread-safety: see {@link AbstractIndex}.
 */
final class TimeIndex extends AbstractIndex {
    static final int ENTRY_SIZE = 12;

    TimeIndex(Path file, long baseOffset, int maxIndexSize) throws IOException {
        super(file, baseOffset, maxIndexSize, ENTRY_SIZE);
    }

    @Override
    protected long key(ByteBuffer index, int slot) {
        return index.getLong(slot * ENTRY_SIZE);
    }

    @Override
    protected long value(ByteBuffer index, int slot) {
        return baseOffset + index.getInt(slot * ENTRY_SIZE + 8);
    }

    @Override
    protected void write(ByteBuffer index, long key, long value) {
        index.putLong(key);
        index.putInt((int) (value - baseOffset));
    }

    /**
     * Adds (timestamp, offset) if the timestamp is newer than the last entry's and there is room. The last
     * slot is kept for the final entry written when the segment stops being active.
     */
    void maybeAppend(long timestamp, long offset, boolean finalEntry) {
        if (timestamp < 0 || isFull() || (!finalEntry && isFullForActiveSegment())) {
            return;
        }
        Optional<TimestampOffset> last = last();
        if (last.isPresent() && (timestamp <= last.get().timestamp() || offset < last.get().offset())) {
            return;
        }
        appendEntry(timestamp, offset);
    }

    /** True when only the slot reserved for the final entry is left: time to roll. */
    boolean isFullForActiveSegment() {
        return entries() >= maxEntries() - 1;
    }

    /** The entry with the largest timestamp strictly below {@code timestampMs}. */
    Optional<TimestampOffset> lookupBefore(long timestampMs) {
        return floorSlot(timestampMs - 1, false).stream().mapToObj(slot -> {
            long[] e = entryAt(slot);
            return new TimestampOffset(e[0], e[1]);
        }).findFirst();
    }

    Optional<TimestampOffset> last() {
        return lastEntry().map(e -> new TimestampOffset(e[0], e[1]));
    }

    /** Removes entries for offsets &gt;= offset. */
    void truncateTo(long offset) {
        truncateFrom(offset, true);
    }
}
