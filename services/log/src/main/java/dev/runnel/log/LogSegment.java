package dev.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One segment of a partition log: {@code <base offset>.log} with its {@link OffsetIndex} and {@link TimeIndex}.
 * <p>
 * Layout: the .log is a plain concatenation of Kafka v2 record batches, byte for byte as appended (offsets
 * and leader epoch already assigned); no header, no padding. Invariants: batches are contiguous, their
 * offsets strictly increase, every offset is within 2^31 of the base offset, the file is below 2 GiB.
 * <p>
 * Crash policy: data is written with a positional write and made durable only by {@link #flush()}; a crash
 * can leave a torn or garbled tail, which {@link #recover} CRC-checks and truncates, rebuilding both
 * indexes on the way. The indexes are hints and can always be rebuilt from the .log.
 * <p>
 * Thread-safety: one writer (the log's append lock) and any number of readers; readers see only bytes
 * below {@link #size()}, which is published (volatile) after the bytes and index entries are written.
 */
final class LogSegment implements Closeable {
    private static final System.Logger LOG = System.getLogger(LogSegment.class.getName());
    private static final int RECOVERY_READ_AHEAD = 1 << 20;
    private static final int HEADER_SCAN_READ_AHEAD = 8 * 1024;

    /** Where a batch is in the file, with the header fields callers need. */
    record BatchLocation(int position, int size, long baseOffset, long lastOffset, long maxTimestamp) {
    }

    private final long baseOffset;
    private final Path logFile;
    private final FileChannel channel;
    private final OffsetIndex offsetIndex;
    private final TimeIndex timeIndex;
    private final boolean indexFilesExisted;
    private final int indexIntervalBytes;
    private final long createdMs;
    private volatile int size;
    private volatile long maxTimestampSoFar = BatchHeader.NO_TIMESTAMP;
    private volatile long offsetOfMaxTimestampSoFar = -1;
    private int bytesSinceLastIndexEntry;
    private long firstBatchTimestamp = BatchHeader.NO_TIMESTAMP;
    private boolean firstBatchTimestampLoaded;

    private LogSegment(long baseOffset, Path logFile, FileChannel channel, OffsetIndex offsetIndex, TimeIndex timeIndex,
                       boolean indexFilesExisted, int indexIntervalBytes, long createdMs, int size) {
        this.baseOffset = baseOffset;
        this.logFile = logFile;
        this.channel = channel;
        this.offsetIndex = offsetIndex;
        this.timeIndex = timeIndex;
        this.indexFilesExisted = indexFilesExisted;
        this.indexIntervalBytes = indexIntervalBytes;
        this.createdMs = createdMs;
        this.size = size;
    }

    /** A new, empty segment; stale files with the same base offset (left by a truncation) are replaced. */
    static LogSegment create(Path dir, long baseOffset, LogConfig config, long nowMs) throws IOException {
        Files.deleteIfExists(LogFileNames.logFile(dir, baseOffset));
        Files.deleteIfExists(LogFileNames.offsetIndexFile(dir, baseOffset));
        Files.deleteIfExists(LogFileNames.timeIndexFile(dir, baseOffset));
        return open(dir, baseOffset, config, nowMs);
    }

    /**
     * Opens an existing segment as found on disk (or an empty one). Missing index files are created empty;
     * {@link #indexProblem()} then reports them so the caller rebuilds them.
     */
    static LogSegment open(Path dir, long baseOffset, LogConfig config, long nowMs) throws IOException {
        Path logFile = LogFileNames.logFile(dir, baseOffset);
        Path offsetIndexFile = LogFileNames.offsetIndexFile(dir, baseOffset);
        Path timeIndexFile = LogFileNames.timeIndexFile(dir, baseOffset);
        // an absent .log has nothing to index, so fresh index files are complete
        boolean indexesExisted = (Files.exists(offsetIndexFile) && Files.exists(timeIndexFile)) || !Files.exists(logFile);
        FileChannel channel = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long length = channel.size();
        if (length > Integer.MAX_VALUE) {
            channel.close();
            throw new LogStorageException("Segment " + logFile + " is " + length + " bytes, above the 2 GiB limit");
        }
        OffsetIndex offsetIndex = new OffsetIndex(offsetIndexFile, baseOffset, config.segmentIndexBytes());
        TimeIndex timeIndex = new TimeIndex(timeIndexFile, baseOffset, config.segmentIndexBytes());
        LogSegment segment = new LogSegment(baseOffset, logFile, channel, offsetIndex, timeIndex, indexesExisted,
                config.indexIntervalBytes(), nowMs, (int) length);
        timeIndex.last().ifPresent(last -> {
            segment.maxTimestampSoFar = last.timestamp();
            segment.offsetOfMaxTimestampSoFar = last.offset();
        });
        return segment;
    }

    long baseOffset() {
        return baseOffset;
    }

    Path logFile() {
        return logFile;
    }

    int size() {
        return size;
    }

    /** The largest batch timestamp in the segment, or the file's modification time if none is known. */
    long largestTimestamp() throws IOException {
        long max = maxTimestampSoFar;
        return max >= 0 ? max : Files.getLastModifiedTime(logFile).toMillis();
    }

    /**
     * Appends batches that are already validated and carry their final offsets. Bytes go to the file in
     * one positional write of the caller's buffer; index entries are added per batch, never per record.
     * Durable only after {@link #flush()}.
     */
    void appendNoFlush(ByteBuffer batches) throws IOException {
        int start = size;
        FileIo.writeFully(channel, batches.duplicate(), start);
        for (int at = batches.position(); at < batches.limit(); at += BatchHeader.sizeInBytes(batches, at)) {
            indexBatch(batches, at, start + (at - batches.position()));
        }
        size = start + batches.remaining();
    }

    private void indexBatch(ByteBuffer b, int at, int filePosition) {
        long maxTimestamp = BatchHeader.maxTimestamp(b, at);
        if (filePosition == 0) {
            firstBatchTimestamp = maxTimestamp;
            firstBatchTimestampLoaded = true;
        }
        if (maxTimestamp > maxTimestampSoFar) {
            offsetOfMaxTimestampSoFar = BatchHeader.lastOffset(b, at);
            maxTimestampSoFar = maxTimestamp;
        }
        if (bytesSinceLastIndexEntry > indexIntervalBytes) {
            offsetIndex.append(BatchHeader.baseOffset(b, at), filePosition);
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, false);
            bytesSinceLastIndexEntry = 0;
        }
        bytesSinceLastIndexEntry += BatchHeader.sizeInBytes(b, at);
    }

    /**
     * Rebuilds this segment from its .log: walks every batch, checks framing, magic, CRC and offset order,
     * re-creates both indexes and truncates the file at the first batch that fails.
     *
     * @return bytes truncated (0 when the whole file was sound)
     */
    long recover(int maxIndexSize, int maxBatchBytes) throws IOException {
        offsetIndex.resize(maxIndexSize);
        timeIndex.resize(maxIndexSize);
        offsetIndex.reset();
        timeIndex.reset();
        maxTimestampSoFar = BatchHeader.NO_TIMESTAMP;
        offsetOfMaxTimestampSoFar = -1;
        bytesSinceLastIndexEntry = 0;
        firstBatchTimestampLoaded = false;
        long fileSize = channel.size();
        FileBatchIterator batches = new FileBatchIterator(channel, 0, fileSize, RECOVERY_READ_AHEAD, maxBatchBytes);
        long expectedMinOffset = baseOffset;
        long validBytes = 0;
        Optional<String> problem = Optional.empty();
        while (batches.advance(true)) {
            problem = checkStoredBatch(batches.buffer(), batches.offsetInBuffer(), expectedMinOffset);
            if (problem.isPresent()) {
                break;
            }
            indexBatch(batches.buffer(), batches.offsetInBuffer(), (int) batches.position());
            expectedMinOffset = BatchHeader.lastOffset(batches.buffer(), batches.offsetInBuffer()) + 1;
            validBytes = batches.position() + batches.batchSize();
        }
        if (problem.isEmpty()) {
            problem = batches.tornReason();
        }
        long truncated = fileSize - validBytes;
        if (truncated > 0) {
            channel.truncate(validBytes);
            LOG.log(System.Logger.Level.WARNING, "Recovered segment {0}: truncated {1} bytes at position {2} (next offset {3}): {4}",
                    logFile, truncated, validBytes, expectedMinOffset, problem.orElse("unknown"));
        }
        size = (int) validBytes;
        return truncated;
    }

    private Optional<String> checkStoredBatch(ByteBuffer b, int at, long expectedMinOffset) {
        if (BatchHeader.magic(b, at) != BatchHeader.CURRENT_MAGIC) {
            return Optional.of("magic " + BatchHeader.magic(b, at) + " is not " + BatchHeader.CURRENT_MAGIC);
        }
        long stored = BatchHeader.storedCrc(b, at);
        long computed = BatchHeader.computeCrc(b, at);
        if (stored != computed) {
            return Optional.of("CRC mismatch: stored " + Long.toHexString(stored) + ", computed " + Long.toHexString(computed));
        }
        long base = BatchHeader.baseOffset(b, at);
        int lastOffsetDelta = BatchHeader.lastOffsetDelta(b, at);
        if (base < expectedMinOffset || lastOffsetDelta < 0) {
            return Optional.of("batch offsets " + base + "+" + lastOffsetDelta + " do not follow offset " + (expectedMinOffset - 1));
        }
        if (base + lastOffsetDelta - baseOffset > Integer.MAX_VALUE) {
            return Optional.of("offset " + (base + lastOffsetDelta) + " is beyond 2^31 of the base offset " + baseOffset);
        }
        return Optional.empty();
    }

    /**
     * Why the indexes cannot be trusted (missing files, misaligned or non-monotonic entries, entries that
     * do not point at a batch with their offset), or empty. Costs a walk over the mapped entries and one
     * header read.
     */
    Optional<String> indexProblem() throws IOException {
        if (!indexFilesExisted) {
            return Optional.of("index files of " + logFile + " are missing");
        }
        Optional<String> problem = offsetIndex.sanityCheck().or(timeIndex::sanityCheck);
        if (problem.isPresent()) {
            return problem;
        }
        Optional<OffsetPosition> last = offsetIndex.last();
        if (last.isPresent()) {
            OffsetPosition entry = last.get();
            if (entry.position() + BatchHeader.HEADER_SIZE > size) {
                return Optional.of("offset index " + offsetIndex.file() + " points at position " + entry.position() + " beyond the log size " + size);
            }
            BatchLocation batch = readLocation(entry.position(), ByteBuffer.allocate(BatchHeader.HEADER_SIZE));
            if (batch.baseOffset() != entry.offset()) {
                return Optional.of("offset index " + offsetIndex.file() + " maps offset " + entry.offset() + " to position "
                        + entry.position() + " where the batch has base offset " + batch.baseOffset());
            }
        }
        Optional<TimestampOffset> lastTime = timeIndex.last();
        if (lastTime.isPresent() && (lastTime.get().offset() < baseOffset || size == 0)) {
            return Optional.of("time index " + timeIndex.file() + " has entry " + lastTime.get() + " outside the segment");
        }
        return Optional.empty();
    }

    /**
     * Re-derives the in-memory tail state (largest timestamp, bytes since the last index entry) by reading
     * the batch headers after the last offset-index entry, and returns the offset after the last batch.
     */
    long loadTailState() throws IOException {
        int from = offsetIndex.last().map(OffsetPosition::position).orElse(0);
        long maxTimestamp = timeIndex.last().map(TimestampOffset::timestamp).orElse(BatchHeader.NO_TIMESTAMP);
        long offsetOfMax = timeIndex.last().map(TimestampOffset::offset).orElse(-1L);
        long nextOffset = baseOffset;
        int sizeNow = size;
        FileBatchIterator batches = new FileBatchIterator(channel, from, sizeNow, HEADER_SCAN_READ_AHEAD, Integer.MAX_VALUE);
        while (batches.advance(false)) {
            ByteBuffer b = batches.buffer();
            int at = batches.offsetInBuffer();
            if (BatchHeader.maxTimestamp(b, at) > maxTimestamp) {
                maxTimestamp = BatchHeader.maxTimestamp(b, at);
                offsetOfMax = BatchHeader.lastOffset(b, at);
            }
            nextOffset = BatchHeader.lastOffset(b, at) + 1;
        }
        maxTimestampSoFar = maxTimestamp;
        offsetOfMaxTimestampSoFar = offsetOfMax;
        bytesSinceLastIndexEntry = sizeNow - from;
        firstBatchTimestampLoaded = false;
        return nextOffset;
    }

    /** Walks every batch header (not the records) in order; for rebuilding producer and epoch state. */
    void forEachBatchHeader(BatchHeaderVisitor visitor) throws IOException {
        FileBatchIterator batches = new FileBatchIterator(channel, 0, size, HEADER_SCAN_READ_AHEAD, Integer.MAX_VALUE);
        while (batches.advance(false)) {
            visitor.visit(batches.buffer(), batches.offsetInBuffer());
        }
    }

    /** Receives a header in a buffer; valid only during the call. */
    @FunctionalInterface
    interface BatchHeaderVisitor {
        void visit(ByteBuffer buffer, int at);
    }

    /** The first batch whose last offset is &gt;= {@code offset}, looking only below {@code sizeLimit}. */
    Optional<BatchLocation> findBatch(long offset, int sizeLimit) throws IOException {
        int position = offsetIndex.lookup(offset).map(OffsetPosition::position).orElse(0);
        ByteBuffer header = ByteBuffer.allocate(BatchHeader.HEADER_SIZE);
        while (position + BatchHeader.HEADER_SIZE <= sizeLimit) {
            BatchLocation batch = readLocation(position, header);
            if (batch.lastOffset() >= offset) {
                return Optional.of(batch);
            }
            position += batch.size();
        }
        return Optional.empty();
    }

    private BatchLocation readLocation(int position, ByteBuffer header) throws IOException {
        header.clear();
        FileIo.readFully(channel, header, position);
        return new BatchLocation(position, BatchHeader.sizeInBytes(header, 0), BatchHeader.baseOffset(header, 0),
                BatchHeader.lastOffset(header, 0), BatchHeader.maxTimestamp(header, 0));
    }

    /**
     * Whole batches from the one holding {@code startOffset}: as many as fit in {@code maxBytes} but at least
     * one, none whose last offset reaches {@code maxOffsetExclusive}. Empty Optional when this segment has
     * no batch at or after {@code startOffset} (the caller moves on to the next segment).
     */
    Optional<ByteBuffer> read(long startOffset, int maxBytes, long maxOffsetExclusive) throws IOException {
        int sizeSnapshot = size;
        Optional<BatchLocation> found = findBatch(startOffset, sizeSnapshot);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BatchLocation first = found.get();
        if (first.lastOffset() >= maxOffsetExclusive) {
            return Optional.of(ByteBuffer.allocate(0));
        }
        int limit = sizeSnapshot;
        if (maxOffsetExclusive != Long.MAX_VALUE) {
            limit = findBatch(maxOffsetExclusive, sizeSnapshot).map(BatchLocation::position).orElse(sizeSnapshot);
        }
        int want = Math.max(first.size(), Math.min(maxBytes, limit - first.position()));
        ByteBuffer out = ByteBuffer.allocate(want);
        FileIo.readFully(channel, out, first.position());
        out.flip();
        int end = 0;
        while (end + BatchHeader.LOG_OVERHEAD <= want) {
            int batchSize = BatchHeader.sizeInBytes(out, end);
            if (end + batchSize > want) {
                break;
            }
            end += batchSize;
        }
        out.limit(end);
        return Optional.of(out);
    }

    /**
     * The first record with a timestamp &gt;= {@code timestampMs}: the time index narrows the start, then batch
     * headers are scanned; inside an uncompressed CreateTime batch the records are read for the exact
     * offset, otherwise the batch's base offset and max timestamp are returned.
     */
    Optional<TimestampOffset> findOffsetByTimestamp(long timestampMs) throws IOException {
        if (maxTimestampSoFar < timestampMs) {
            return Optional.empty();
        }
        int sizeSnapshot = size;
        long scanFrom = timeIndex.lookupBefore(timestampMs).map(e -> e.offset() + 1).orElse(baseOffset);
        Optional<BatchLocation> start = findBatch(scanFrom, sizeSnapshot);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        FileBatchIterator batches = new FileBatchIterator(channel, start.get().position(), sizeSnapshot, HEADER_SCAN_READ_AHEAD, Integer.MAX_VALUE);
        while (batches.advance(false)) {
            ByteBuffer b = batches.buffer();
            int at = batches.offsetInBuffer();
            long batchMax = BatchHeader.maxTimestamp(b, at);
            if (batchMax < timestampMs) {
                continue;
            }
            TimestampOffset whole = new TimestampOffset(batchMax, BatchHeader.baseOffset(b, at));
            if (BatchHeader.isCompressed(b, at) || BatchHeader.isLogAppendTime(b, at)) {
                return Optional.of(whole);
            }
            ByteBuffer batch = ByteBuffer.allocate(batches.batchSize());
            FileIo.readFully(channel, batch, batches.position());
            return Optional.of(UncompressedRecords.firstAtOrAfter(batch, 0, timestampMs).orElse(whole));
        }
        return Optional.empty();
    }

    /**
     * Removes the batch holding {@code offset} and everything after it.
     *
     * @return bytes removed
     */
    long truncateTo(long offset) throws IOException {
        Optional<BatchLocation> from = findBatch(offset, size);
        if (from.isEmpty()) {
            return 0;
        }
        int newSize = from.get().position();
        offsetIndex.truncateTo(from.get().baseOffset());
        timeIndex.truncateTo(from.get().baseOffset());
        channel.truncate(newSize);
        long removed = (long) size - newSize;
        size = newSize;
        loadTailState();
        return removed;
    }

    /** Whether appending {@code bytes} more, up to {@code lastOffset}, calls for a new segment first. */
    boolean shouldRoll(int bytes, long lastOffset, long incomingMaxTimestamp, long nowMs, LogConfig config) throws IOException {
        if (size == 0) {
            return false;
        }
        return (long) size + bytes > config.segmentBytes()
                || lastOffset - baseOffset > Integer.MAX_VALUE
                || offsetIndex.isFull()
                || timeIndex.isFullForActiveSegment()
                || timeWaitedForRoll(nowMs, incomingMaxTimestamp) >= config.segmentMs();
    }

    /** Like Kafka: record time since the first batch when timestamps exist, wall-clock age otherwise. */
    private long timeWaitedForRoll(long nowMs, long incomingMaxTimestamp) throws IOException {
        if (!firstBatchTimestampLoaded) {
            firstBatchTimestamp = size >= BatchHeader.HEADER_SIZE
                    ? readLocation(0, ByteBuffer.allocate(BatchHeader.HEADER_SIZE)).maxTimestamp()
                    : BatchHeader.NO_TIMESTAMP;
            firstBatchTimestampLoaded = true;
        }
        if (firstBatchTimestamp >= 0 && incomingMaxTimestamp >= 0) {
            return incomingMaxTimestamp - firstBatchTimestamp;
        }
        return nowMs - createdMs;
    }

    /** Called when a newer segment takes over: final time-index entry, indexes trimmed to their entries. */
    void onBecomeInactive() {
        timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, true);
        offsetIndex.trimToValidSize();
        timeIndex.trimToValidSize();
    }

    /** Called when this segment becomes the one appended to: indexes get room again. */
    void onBecomeActive(int maxIndexSize) {
        offsetIndex.resize(maxIndexSize);
        timeIndex.resize(maxIndexSize);
    }

    /** fsyncs the .log and both indexes. */
    void flush() throws IOException {
        channel.force(true);
        offsetIndex.flush();
        timeIndex.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            timeIndex.maybeAppend(maxTimestampSoFar, offsetOfMaxTimestampSoFar, true);
            offsetIndex.close();
            timeIndex.close();
        } finally {
            channel.close();
        }
    }

    /** Closes and removes the three files. */
    void deleteFiles() throws IOException {
        channel.close();
        offsetIndex.closeAndDelete();
        timeIndex.closeAndDelete();
        Files.deleteIfExists(logFile);
    }

    @Override
    public String toString() {
        return "LogSegment(" + logFile + ", size=" + size + ")";
    }
}
