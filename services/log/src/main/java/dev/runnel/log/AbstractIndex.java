package dev.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A sparse, memory-mapped index of fixed-size entries, each a (key, value) pair in which both keys and
 * values grow with the slot number. This class owns the file, the mapping, the lock and the binary
 * search; subclasses only define the entry layout ({@link #key}, {@link #value}, {@link #write}).
 * <p>
 * File: {@code entries * entrySize} bytes of entries. While a segment is active the file is preallocated
 * to segment.index.bytes (the tail is zeros); it is trimmed to the entries on roll and close. After an
 * unclean shutdown the entry count is unknown, which is why the active segment's indexes are always
 * rebuilt then. Crash policy: no checksum; {@link #sanityCheck} catches misaligned or non-monotonic
 * files, and the segment rebuilds the index from the .log.
 * <p>
 * Thread-safety: every access holds the instance lock, so a reader's lookup never sees a half-written
 * entry or a mapping being resized or released.
 */
abstract class AbstractIndex implements Closeable {
    private final Path file;
    protected final long baseOffset;
    private final int entrySize;
    private final long lengthAtOpen;
    private MappedByteBuffer mmap;
    private int entries;
    private boolean closed;

    /**
     * Opens the index, creating it preallocated to {@code maxIndexSize} when absent. An existing file
     * keeps its length; its entry count is its length divided by the entry size.
     */
    protected AbstractIndex(Path file, long baseOffset, int maxIndexSize, int entrySize) throws IOException {
        this.file = file;
        this.baseOffset = baseOffset;
        this.entrySize = entrySize;
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (created) {
                ch.truncate(0);
                setLength(ch, roundDown(maxIndexSize));
            }
            this.lengthAtOpen = ch.size();
            long mapped = roundDown((int) Math.min(lengthAtOpen, Integer.MAX_VALUE));
            this.mmap = ch.map(FileChannel.MapMode.READ_WRITE, 0, mapped);
        }
        this.entries = created ? 0 : (int) (roundDown((int) Math.min(lengthAtOpen, Integer.MAX_VALUE)) / entrySize);
    }

    /** The search key of entry {@code slot} (offset for the offset index, timestamp for the time index). */
    protected abstract long key(ByteBuffer index, int slot);

    /** The value of entry {@code slot} (position, or offset for the time index). */
    protected abstract long value(ByteBuffer index, int slot);

    /** Writes one entry at the buffer's position. */
    protected abstract void write(ByteBuffer index, long key, long value);

    Path file() {
        return file;
    }

    final synchronized int entries() {
        return entries;
    }

    final synchronized int maxEntries() {
        return mmap.limit() / entrySize;
    }

    final synchronized boolean isFull() {
        return entries >= mmap.limit() / entrySize;
    }

    /** Appends an entry; callers keep keys increasing (subclasses check). */
    protected final synchronized void appendEntry(long key, long value) {
        ensureOpen();
        if (entries >= mmap.limit() / entrySize) {
            throw new LogStorageException("Index " + file + " is full at " + entries + " entries; cannot add key " + key);
        }
        ByteBuffer b = mmap.duplicate();
        b.position(entries * entrySize);
        write(b, key, value);
        entries++;
    }

    protected final synchronized Optional<long[]> lastEntry() {
        ensureOpen();
        if (entries == 0) {
            return Optional.empty();
        }
        return Optional.of(new long[] {key(mmap, entries - 1), value(mmap, entries - 1)});
    }

    /** Slot of the largest entry whose key (or value) is &lt;= target. */
    protected final synchronized OptionalInt floorSlot(long target, boolean byValue) {
        ensureOpen();
        if (entries == 0 || at(0, byValue) > target) {
            return OptionalInt.empty();
        }
        int lo = 0;
        int hi = entries - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (at(mid, byValue) <= target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return OptionalInt.of(lo);
    }

    protected final synchronized long[] entryAt(int slot) {
        ensureOpen();
        return new long[] {key(mmap, slot), value(mmap, slot)};
    }

    /** Drops every entry whose key (or value) is &gt;= target. */
    protected final synchronized void truncateFrom(long target, boolean byValue) {
        OptionalInt keep = floorSlot(target - 1, byValue);
        entries = keep.isPresent() ? keep.getAsInt() + 1 : 0;
    }

    /** Forgets every entry (before a rebuild). */
    final synchronized void reset() {
        entries = 0;
    }

    /**
     * Why this file cannot be trusted, or empty: its length at open was not a whole number of entries,
     * or keys are not strictly increasing, or values decrease.
     */
    final synchronized Optional<String> sanityCheck() {
        ensureOpen();
        if (lengthAtOpen % entrySize != 0) {
            return Optional.of("index " + file + " has length " + lengthAtOpen + ", not a multiple of the entry size " + entrySize);
        }
        for (int i = 1; i < entries; i++) {
            if (key(mmap, i) <= key(mmap, i - 1) || value(mmap, i) < value(mmap, i - 1)) {
                return Optional.of("index " + file + " is not monotonic at entry " + i + " of " + entries);
            }
        }
        if (entries > 0 && (key(mmap, 0) < 0 || value(mmap, 0) < 0)) {
            return Optional.of("index " + file + " has a negative first entry");
        }
        return Optional.empty();
    }

    /** Changes the file (and mapping) size, keeping the entries; used to reopen an index for appends. */
    final synchronized void resize(int newSize) {
        ensureOpen();
        long length = Math.max(roundDown(newSize), (long) entries * entrySize);
        if (length == mmap.limit()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            mmap.force();
            unmap(mmap);
            mmap = null;
            setLength(ch, length);
            mmap = ch.map(FileChannel.MapMode.READ_WRITE, 0, length);
        } catch (IOException e) {
            throw new LogStorageException("Cannot resize index " + file + " to " + length + " bytes", e);
        }
    }

    /** Shrinks the file to exactly its entries (done when the segment stops being active). */
    final synchronized void trimToValidSize() {
        resize(entries * entrySize);
    }

    final synchronized void flush() {
        ensureOpen();
        mmap.force();
    }

    /** Trims, flushes and releases the mapping. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        trimToValidSize();
        mmap.force();
        release();
    }

    /** Releases the mapping without trimming and removes the file. */
    final synchronized void closeAndDelete() throws IOException {
        if (!closed) {
            release();
        }
        Files.deleteIfExists(file);
    }

    private void release() {
        unmap(mmap);
        mmap = null;
        closed = true;
    }

    private long at(int slot, boolean byValue) {
        return byValue ? value(mmap, slot) : key(mmap, slot);
    }

    private int roundDown(int bytes) {
        return bytes - bytes % entrySize;
    }

    private void ensureOpen() {
        if (closed) {
            throw new LogStorageException("Index " + file + " is closed");
        }
    }

    private static void setLength(FileChannel ch, long length) throws IOException {
        if (ch.size() > length) {
            ch.truncate(length);
        } else if (ch.size() < length) {
            // extends the file sparsely: one byte at the end
            ch.write(ByteBuffer.wrap(new byte[] {0}), length - 1);
        }
    }

    private static final Optional<Method> INVOKE_CLEANER;
    private static final Optional<Object> UNSAFE;

    static {
        Optional<Method> method = Optional.empty();
        Optional<Object> unsafe = Optional.empty();
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            unsafe = Optional.of(f.get(null));
            method = Optional.of(c.getMethod("invokeCleaner", ByteBuffer.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no explicit unmap: the mapping is released when garbage-collected
        }
        INVOKE_CLEANER = method;
        UNSAFE = unsafe;
    }

    /** Releases a mapping now rather than at GC, so deleted index files free their space promptly. */
    private static void unmap(MappedByteBuffer buffer) {
        if (buffer == null || INVOKE_CLEANER.isEmpty() || UNSAFE.isEmpty()) {
            return;
        }
        try {
            INVOKE_CLEANER.get().invoke(UNSAFE.get(), buffer);
        } catch (ReflectiveOperationException e) {
            throw new UncheckedIOException(new IOException("Cannot unmap index buffer", e));
        }
    }
}
