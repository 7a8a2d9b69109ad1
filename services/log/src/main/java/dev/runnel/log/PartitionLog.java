package dev.runnel.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

/**
 * The log of one partition replica: a directory of {@link LogSegment}s holding Kafka v2 record batches
 * byte for byte, plus {@code leader-epoch-checkpoint}, {@code high-watermark-checkpoint} and, after a
 * clean close, a {@code .clean-shutdown} marker.
 * <p>
 * Appends validate each batch (framing, magic 2, CRC-32C, size, idempotent sequence), assign offsets and
 * the leader epoch in place in the caller's buffer and write that buffer with one positional write.
 * Segments roll by segment.bytes / segment.ms / full index and are fsynced on roll; otherwise data is
 * durable only on {@link #flush()} (or flush.messages / flush.ms), as in Kafka.
 * <p>
 * Crash policy: {@link #open} walks every segment's indexes for cheap sanity checks and rebuilds any
 * that fail; without the clean-shutdown marker the active segment is fully recovered (every batch
 * CRC-checked, torn tail truncated). A corrupt batch is never served. Producer state is rebuilt from batch
 * headers; the epoch cache is loaded, completed from headers and cut to the log's bounds.
 * <p>
 * Thread-safety: mutations (append, roll, truncate, retention, flush, close) are serialized by one lock;
 * reads run concurrently and see only fully appended batches. Truncation, retention and close also take
 * the write side of a read/write lock so a reader never touches a segment being removed.
 * <p>
 * Buffers: {@code append*} edit the caller's buffer contents in place (offsets, epoch, LogAppendTime) but
 * leave its position and limit alone; the caller keeps ownership. {@link #read} returns a fresh buffer
 * the caller owns.
 */
public final class PartitionLog implements Closeable {
    private static final System.Logger LOG = System.getLogger(PartitionLog.class.getName());

    private final Path dir;
    private final String where;
    private final Clock clock;
    private volatile LogConfig config;
    private final ConcurrentSkipListMap<Long, LogSegment> segments = new ConcurrentSkipListMap<>();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantReadWriteLock structureLock = new ReentrantReadWriteLock();
    private final LeaderEpochCache leaderEpochs;
    private final ProducerStateManager producers;
    private final CheckpointFile highWatermarkCheckpoint;
    private volatile long logStartOffset;
    private volatile long logEndOffset;
    private volatile long highWatermark;
    private volatile boolean closed;
    private long recoveryPoint;
    private long lastFlushMs;

    private PartitionLog(Path dir, LogConfig config, Clock clock) {
        this.dir = dir;
        this.where = "partition log " + dir;
        this.clock = clock;
        this.config = config;
        this.leaderEpochs = new LeaderEpochCache(dir.resolve(LogFileNames.LEADER_EPOCH_CHECKPOINT), () -> logEndOffset);
        this.producers = new ProducerStateManager(where);
        this.highWatermarkCheckpoint = new CheckpointFile(dir.resolve(LogFileNames.HIGH_WATERMARK_CHECKPOINT));
    }

    /** Opens the log in {@code dir}, creating it if needed and recovering it after a crash. */
    public static PartitionLog open(Path dir, LogConfig config, Clock clock) throws IOException {
        Files.createDirectories(dir);
        PartitionLog log = new PartitionLog(dir, config, clock);
        try {
            log.load();
        } catch (IOException | RuntimeException e) {
            log.closeSegmentsQuietly();
            throw e;
        }
        return log;
    }

    // ---------------------------------------------------------------- open and recovery

    private void load() throws IOException {
        Path marker = dir.resolve(LogFileNames.CLEAN_SHUTDOWN);
        LogConfig cfg = config;
        long now = clock.millis();
        TreeSet<Long> bases = scanDirectory();
        boolean markerFound = Files.exists(marker);
        boolean cleanShutdown = markerFound || bases.isEmpty(); // a new log has nothing to recover
        for (long base : bases) {
            segments.put(base, LogSegment.open(dir, base, cfg, now));
        }
        if (segments.isEmpty()) {
            segments.put(0L, LogSegment.create(dir, 0, cfg, now));
        }
        recoverSegments(cleanShutdown, cfg);
        LogSegment active = segments.lastEntry().getValue();
        active.onBecomeActive(cfg.segmentIndexBytes());
        logEndOffset = active.loadTailState();
        logStartOffset = segments.firstKey();
        rebuildProducerAndEpochState();
        highWatermark = clampHighWatermark(readHighWatermarkCheckpoint());
        recoveryPoint = logEndOffset;
        lastFlushMs = now;
        if (markerFound) {
            Files.delete(marker);
            fsyncDirectory();
        }
        LOG.log(System.Logger.Level.DEBUG, "Opened {0}: {1} segments, offsets {2}..{3}, clean shutdown {4}",
                dir, segments.size(), logStartOffset, logEndOffset, cleanShutdown);
    }

    /** Base offsets of the .log files; removes leftovers (temp checkpoints, indexes without a .log). */
    private TreeSet<Long> scanDirectory() throws IOException {
        TreeSet<Long> bases = new TreeSet<>();
        List<Path> indexFiles = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                    continue;
                }
                LogFileNames.baseOffsetOf(name, LogFileNames.LOG_SUFFIX).ifPresent(bases::add);
                if (name.endsWith(LogFileNames.OFFSET_INDEX_SUFFIX) || name.endsWith(LogFileNames.TIME_INDEX_SUFFIX)) {
                    indexFiles.add(file);
                }
            }
        }
        for (Path index : indexFiles) {
            String name = index.getFileName().toString();
            OptionalLong base = LogFileNames.baseOffsetOf(name, LogFileNames.OFFSET_INDEX_SUFFIX);
            if (base.isEmpty()) {
                base = LogFileNames.baseOffsetOf(name, LogFileNames.TIME_INDEX_SUFFIX);
            }
            if (base.isPresent() && !bases.contains(base.getAsLong())) {
                LOG.log(System.Logger.Level.WARNING, "Deleting index {0}: its segment file is missing", index);
                Files.deleteIfExists(index);
            }
        }
        return bases;
    }

    /**
     * Sanity-checks every segment's indexes and rebuilds those that fail; fully recovers the active
     * segment after an unclean shutdown. A segment that loses bytes in recovery ends the log: later
     * segments cannot follow a hole, so they are deleted.
     */
    private void recoverSegments(boolean cleanShutdown, LogConfig cfg) throws IOException {
        int maxBatchBytes = Math.max(cfg.maxMessageBytes(), 64 * 1024 * 1024);
        List<LogSegment> ordered = new ArrayList<>(segments.values());
        for (int i = 0; i < ordered.size(); i++) {
            LogSegment segment = ordered.get(i);
            boolean active = i == ordered.size() - 1;
            Optional<String> problem = active && !cleanShutdown
                    ? Optional.of("no clean-shutdown marker, recovering the active segment")
                    : segment.indexProblem();
            if (problem.isEmpty()) {
                continue;
            }
            LOG.log(active && !cleanShutdown ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
                    "Recovering {0}: {1}", segment.logFile(), problem.get());
            long truncated = segment.recover(cfg.segmentIndexBytes(), maxBatchBytes);
            if (!active) {
                segment.onBecomeInactive();
            }
            if (truncated > 0 && !active) {
                for (LogSegment later : ordered.subList(i + 1, ordered.size())) {
                    LOG.log(System.Logger.Level.WARNING, "Deleting {0}: it follows corrupt data in {1}", later.logFile(), segment.logFile());
                    segments.remove(later.baseOffset());
                    later.deleteFiles();
                }
                return;
            }
        }
    }

    private void rebuildProducerAndEpochState() throws IOException {
        try {
            leaderEpochs.load();
        } catch (LogStorageException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring unreadable leader epoch checkpoint in " + dir + "; rebuilding it from batches", e);
        }
        producers.clear();
        for (LogSegment segment : segments.values()) {
            segment.forEachBatchHeader((b, at) -> {
                producers.updateFromBatch(b, at);
                leaderEpochs.assignNoFlush(BatchHeader.partitionLeaderEpoch(b, at), BatchHeader.baseOffset(b, at));
            });
        }
        leaderEpochs.truncateFromEnd(logEndOffset);
        leaderEpochs.truncateFromStart(logStartOffset);
        leaderEpochs.flush();
    }

    private long readHighWatermarkCheckpoint() {
        try {
            return highWatermarkCheckpoint.read().filter(lines -> lines.size() == 1)
                    .map(lines -> Long.parseLong(lines.get(0).trim())).orElse(logStartOffset);
        } catch (LogStorageException | NumberFormatException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring unreadable high-watermark checkpoint in " + dir, e);
            return logStartOffset;
        }
    }

    // ---------------------------------------------------------------- appends

    /**
     * Appends batches from a producer as the partition leader: validates them, assigns offsets from the log
     * end and {@code leaderEpoch} in place (and the log-append time if configured), and writes them.
     * An idempotent producer's retry of a recent batch appends nothing and returns the original offsets.
     *
     * @throws CorruptRecordException, InvalidRecordException, RecordTooLargeException,
     *         OutOfOrderSequenceException, InvalidProducerEpochException, LogStorageException
     */
    public LogAppendInfo appendAsLeader(ByteBuffer batches, int leaderEpoch) {
        ByteBuffer b = batches.duplicate().order(ByteOrder.BIG_ENDIAN);
        appendLock.lock();
        try {
            ensureOpen();
            LogConfig cfg = config;
            BatchValidator.Summary summary = BatchValidator.validate(b, cfg.maxMessageBytes(), false, where);
            if (summary.batchCount() == 0) {
                return emptyAppend();
            }
            Optional<ProducerStateManager.BatchMetadata> duplicate = producers.checkSequences(b);
            if (duplicate.isPresent()) {
                ProducerStateManager.BatchMetadata original = duplicate.get();
                return new LogAppendInfo(original.firstOffset(), original.lastOffset(), original.maxTimestamp(),
                        BatchHeader.NO_TIMESTAMP, summary.batchCount(), summary.sizeInBytes(), true);
            }
            long now = clock.millis();
            long firstOffset = logEndOffset;
            long next = firstOffset;
            for (int at = b.position(); at < b.limit(); at += BatchHeader.sizeInBytes(b, at)) {
                BatchHeader.assignOffsetAndEpoch(b, at, next, leaderEpoch);
                next += BatchHeader.lastOffsetDelta(b, at) + 1L;
                if (cfg.logAppendTime()) {
                    BatchHeader.stampLogAppendTime(b, at, now);
                }
            }
            long lastOffset = next - 1;
            long maxTimestamp = cfg.logAppendTime() ? now : summary.maxTimestamp();
            maybeRoll(summary.sizeInBytes(), lastOffset, maxTimestamp, now, cfg, firstOffset);
            leaderEpochs.assign(leaderEpoch, firstOffset);
            activeSegment().appendNoFlush(b);
            producers.update(b);
            logEndOffset = next;
            maybeFlush(now, cfg);
            return new LogAppendInfo(firstOffset, lastOffset, maxTimestamp, cfg.logAppendTime() ? now : BatchHeader.NO_TIMESTAMP,
                    summary.batchCount(), summary.sizeInBytes(), false);
        } catch (IOException e) {
            throw new LogStorageException("Append failed for " + where, e);
        } finally {
            appendLock.unlock();
        }
    }

    /**
     * Appends batches fetched from the leader, keeping their offsets and leader epochs. They are validated
     * (framing, magic, CRC) and must start at or after the log end.
     */
    public LogAppendInfo appendAsFollower(ByteBuffer batches) {
        ByteBuffer b = batches.duplicate().order(ByteOrder.BIG_ENDIAN);
        appendLock.lock();
        try {
            ensureOpen();
            LogConfig cfg = config;
            BatchValidator.Summary summary = BatchValidator.validate(b, Integer.MAX_VALUE, true, where);
            if (summary.batchCount() == 0) {
                return emptyAppend();
            }
            if (summary.firstBaseOffset() < logEndOffset) {
                throw new InvalidRecordException("Replicated batch for " + where + " starts at offset " + summary.firstBaseOffset()
                        + ", below the log end offset " + logEndOffset);
            }
            long now = clock.millis();
            maybeRoll(summary.sizeInBytes(), summary.lastOffset(), summary.maxTimestamp(), now, cfg, summary.firstBaseOffset());
            boolean epochsChanged = false;
            for (int at = b.position(); at < b.limit(); at += BatchHeader.sizeInBytes(b, at)) {
                epochsChanged |= leaderEpochs.assignNoFlush(BatchHeader.partitionLeaderEpoch(b, at), BatchHeader.baseOffset(b, at));
            }
            if (epochsChanged) {
                leaderEpochs.flush();
            }
            activeSegment().appendNoFlush(b);
            producers.update(b);
            logEndOffset = summary.lastOffset() + 1;
            maybeFlush(now, cfg);
            return new LogAppendInfo(summary.firstBaseOffset(), summary.lastOffset(), summary.maxTimestamp(), BatchHeader.NO_TIMESTAMP,
                    summary.batchCount(), summary.sizeInBytes(), false);
        } catch (IOException e) {
            throw new LogStorageException("Replicated append failed for " + where, e);
        } finally {
            appendLock.unlock();
        }
    }

    private LogAppendInfo emptyAppend() {
        return new LogAppendInfo(logEndOffset, logEndOffset - 1, BatchHeader.NO_TIMESTAMP, BatchHeader.NO_TIMESTAMP, 0, 0, false);
    }

    private void maybeRoll(int bytes, long lastOffset, long maxTimestamp, long now, LogConfig cfg, long newBaseOffset) throws IOException {
        LogSegment active = activeSegment();
        if (active.shouldRoll(bytes, lastOffset, maxTimestamp, now, cfg)) {
            roll(active, newBaseOffset, now, cfg);
        }
    }

    private void roll(LogSegment active, long newBaseOffset, long now, LogConfig cfg) throws IOException {
        active.onBecomeInactive();
        active.flush();
        segments.put(newBaseOffset, LogSegment.create(dir, newBaseOffset, cfg, now));
        recoveryPoint = logEndOffset;
        LOG.log(System.Logger.Level.DEBUG, "Rolled {0} at offset {1} ({2} bytes in the previous segment)", dir, newBaseOffset, active.size());
    }

    private void maybeFlush(long now, LogConfig cfg) throws IOException {
        if (logEndOffset - recoveryPoint >= cfg.flushMessages() || now - lastFlushMs >= cfg.flushMs()) {
            flushLocked(now);
        }
    }

    // ---------------------------------------------------------------- reads

    /**
     * Whole batches starting with the one that holds {@code startOffset}: up to {@code maxBytes}, but at
     * least one batch when there is one (even if larger), and only batches that end before
     * {@code maxOffsetExclusive} (pass the high watermark for consumers, Long.MAX_VALUE for followers).
     * Reads stay within one segment, like Kafka.
     *
     * @throws OffsetOutOfRangeException when startOffset is below the log start or above the log end
     */
    public LogReadInfo read(long startOffset, int maxBytes, long maxOffsetExclusive) {
        structureLock.readLock().lock();
        try {
            ensureOpen();
            long end = logEndOffset;
            long start = logStartOffset;
            long hw = highWatermark;
            if (startOffset < start || startOffset > end) {
                throw new OffsetOutOfRangeException("Offset " + startOffset + " is out of range for " + where
                        + ": log start " + start + ", log end " + end);
            }
            if (startOffset == end || maxOffsetExclusive <= startOffset) {
                return new LogReadInfo(ByteBuffer.allocate(0), start, end, hw);
            }
            // always bound by the end seen above: an append writes its bytes before it publishes the new log
            // end, and a reader that saw those bytes would next ask for an offset past the end it knows
            long bound = Math.min(maxOffsetExclusive, end);
            for (Map.Entry<Long, LogSegment> e = segments.floorEntry(startOffset); e != null; e = segments.higherEntry(e.getKey())) {
                Optional<ByteBuffer> records = e.getValue().read(startOffset, maxBytes, bound);
                if (records.isPresent()) {
                    return new LogReadInfo(records.get(), start, end, hw);
                }
            }
            return new LogReadInfo(ByteBuffer.allocate(0), start, end, hw);
        } catch (IOException e) {
            throw new LogStorageException("Read at offset " + startOffset + " failed for " + where, e);
        } finally {
            structureLock.readLock().unlock();
        }
    }

    /**
     * The first record whose timestamp is &gt;= {@code timestampMs} (Kafka ListOffsets by time). Exact for
     * uncompressed CreateTime batches; for compressed or LogAppendTime batches, the batch's base offset and
     * max timestamp. Empty when every record is older. The special ListOffsets values -1/-2 (latest and
     * earliest) are the caller's: use {@link #logEndOffset()} / {@link #logStartOffset()}.
     */
    public Optional<TimestampOffset> offsetForTimestamp(long timestampMs) {
        structureLock.readLock().lock();
        try {
            ensureOpen();
            for (LogSegment segment : segments.values()) {
                Optional<TimestampOffset> found = segment.findOffsetByTimestamp(timestampMs);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new LogStorageException("Timestamp lookup " + timestampMs + " failed for " + where, e);
        } finally {
            structureLock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- offsets

    public long logStartOffset() {
        return logStartOffset;
    }

    public long logEndOffset() {
        return logEndOffset;
    }

    public long highWatermark() {
        return highWatermark;
    }

    /** Sets the high watermark, clamped to [log start, log end]; checkpointed on flush and close. */
    public void updateHighWatermark(long offset) {
        appendLock.lock();
        try {
            highWatermark = clampHighWatermark(offset);
        } finally {
            appendLock.unlock();
        }
    }

    private long clampHighWatermark(long offset) {
        return Math.max(logStartOffset, Math.min(offset, logEndOffset));
    }

    public LeaderEpochCache leaderEpochs() {
        return leaderEpochs;
    }

    // ---------------------------------------------------------------- truncation and retention

    /**
     * Drops every offset &gt;= {@code offset} (a follower diverging from the new leader, KIP-101). A batch
     * that straddles the offset goes as a whole, so the log end may end up below {@code offset}. Below the
     * log start, the log is emptied and restarts at {@code offset}.
     */
    public void truncateTo(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("Cannot truncate " + where + " to negative offset " + offset);
        }
        appendLock.lock();
        structureLock.writeLock().lock();
        try {
            ensureOpen();
            if (offset >= logEndOffset) {
                return;
            }
            if (offset < logStartOffset) {
                truncateFullyLocked(offset);
                return;
            }
            long before = logEndOffset;
            LogSegment oldActive = activeSegment();
            for (LogSegment later : new ArrayList<>(segments.tailMap(offset, false).values())) {
                segments.remove(later.baseOffset());
                later.deleteFiles();
            }
            LogSegment active = activeSegment();
            active.truncateTo(offset);
            if (active != oldActive) {
                active.onBecomeActive(config.segmentIndexBytes());
            }
            logEndOffset = active.loadTailState();
            highWatermark = Math.min(highWatermark, logEndOffset);
            recoveryPoint = Math.min(recoveryPoint, logEndOffset);
            leaderEpochs.truncateFromEnd(logEndOffset);
            producers.truncateFrom(logEndOffset);
            LOG.log(System.Logger.Level.INFO, "Truncated {0} to offset {1} (log end was {2}, is {3})", dir, offset, before, logEndOffset);
        } catch (IOException e) {
            throw new LogStorageException("Truncation to " + offset + " failed for " + where, e);
        } finally {
            structureLock.writeLock().unlock();
            appendLock.unlock();
        }
    }

    /** Deletes every segment and restarts the empty log at {@code offset} (a follower far behind the leader's log start). */
    public void truncateFullyAndStartAt(long offset) {
        appendLock.lock();
        structureLock.writeLock().lock();
        try {
            ensureOpen();
            truncateFullyLocked(offset);
        } catch (IOException e) {
            throw new LogStorageException("Restarting " + where + " at " + offset + " failed", e);
        } finally {
            structureLock.writeLock().unlock();
            appendLock.unlock();
        }
    }

    private void truncateFullyLocked(long offset) throws IOException {
        for (LogSegment segment : new ArrayList<>(segments.values())) {
            segments.remove(segment.baseOffset());
            segment.deleteFiles();
        }
        segments.put(offset, LogSegment.create(dir, offset, config, clock.millis()));
        logStartOffset = offset;
        logEndOffset = offset;
        highWatermark = offset;
        recoveryPoint = offset;
        leaderEpochs.clear();
        producers.clear();
        LOG.log(System.Logger.Level.INFO, "Emptied {0}; it restarts at offset {1}", dir, offset);
    }

    /**
     * Applies retention.ms and retention.bytes: deletes the oldest whole segments while they are expired,
     * never the active one and never one holding offsets at or above the high watermark (not yet
     * replicated everywhere). Advances the log start offset.
     *
     * @return segments deleted
     */
    public int deleteExpiredSegments() {
        appendLock.lock();
        try {
            ensureOpen();
            LogConfig cfg = config;
            long now = clock.millis();
            List<LogSegment> ordered = new ArrayList<>(segments.values());
            long remainingBytes = sizeInBytes();
            List<LogSegment> deletable = new ArrayList<>();
            for (int i = 0; i < ordered.size() - 1; i++) {
                LogSegment segment = ordered.get(i);
                if (ordered.get(i + 1).baseOffset() > highWatermark) {
                    break;
                }
                boolean expiredByTime = cfg.retentionMs() >= 0 && now - segment.largestTimestamp() > cfg.retentionMs();
                boolean overSize = cfg.retentionBytes() >= 0 && remainingBytes - segment.size() >= cfg.retentionBytes();
                if (!expiredByTime && !overSize) {
                    break;
                }
                deletable.add(segment);
                remainingBytes -= segment.size();
            }
            if (deletable.isEmpty()) {
                return 0;
            }
            structureLock.writeLock().lock();
            try {
                for (LogSegment segment : deletable) {
                    segments.remove(segment.baseOffset());
                    segment.deleteFiles();
                }
                logStartOffset = segments.firstKey();
                highWatermark = Math.max(highWatermark, logStartOffset);
            } finally {
                structureLock.writeLock().unlock();
            }
            leaderEpochs.truncateFromStart(logStartOffset);
            LOG.log(System.Logger.Level.INFO, "Retention deleted {0} segments of {1}; log start offset is now {2}",
                    deletable.size(), dir, logStartOffset);
            return deletable.size();
        } catch (IOException e) {
            throw new LogStorageException("Retention failed for " + where, e);
        } finally {
            appendLock.unlock();
        }
    }

    // ---------------------------------------------------------------- durability and lifecycle

    /** fsyncs the active segment and its indexes, and checkpoints the high watermark. */
    public void flush() {
        appendLock.lock();
        try {
            ensureOpen();
            flushLocked(clock.millis());
        } catch (IOException e) {
            throw new LogStorageException("Flush failed for " + where, e);
        } finally {
            appendLock.unlock();
        }
    }

    private void flushLocked(long now) throws IOException {
        activeSegment().flush();
        highWatermarkCheckpoint.write(List.of(Long.toString(highWatermark)));
        recoveryPoint = logEndOffset;
        lastFlushMs = now;
    }

    /** Total bytes of all segment files. */
    public long sizeInBytes() {
        return segments.values().stream().mapToLong(LogSegment::size).sum();
    }

    public int segmentCount() {
        return segments.size();
    }

    public LogConfig config() {
        return config;
    }

    /** Takes effect for the next append/retention run; index sizes apply to segments created later. */
    public void updateConfig(LogConfig newConfig) {
        this.config = newConfig;
    }

    public Path dir() {
        return dir;
    }

    /** Flushes, checkpoints, closes every file and leaves the clean-shutdown marker. Idempotent. */
    @Override
    public void close() {
        appendLock.lock();
        structureLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            flushLocked(clock.millis());
            leaderEpochs.flush();
            closed = true;
            for (LogSegment segment : segments.values()) {
                segment.close();
            }
            try (FileChannel marker = FileChannel.open(dir.resolve(LogFileNames.CLEAN_SHUTDOWN),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                marker.force(true);
            }
            fsyncDirectory();
        } catch (IOException e) {
            throw new LogStorageException("Close failed for " + where, e);
        } finally {
            closed = true;
            structureLock.writeLock().unlock();
            appendLock.unlock();
        }
    }

    /** Closes the log and removes its directory with everything in it. */
    public void delete() {
        appendLock.lock();
        structureLock.writeLock().lock();
        try {
            closed = true;
            for (LogSegment segment : segments.values()) {
                segment.deleteFiles();
            }
            segments.clear();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new LogStorageException("Delete failed for " + where, e);
        } finally {
            structureLock.writeLock().unlock();
            appendLock.unlock();
        }
    }

    private void closeSegmentsQuietly() {
        for (LogSegment segment : segments.values()) {
            try {
                segment.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Closing " + segment + " after a failed open", e);
            }
        }
        closed = true;
    }

    private void fsyncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a directory; the rename/delete is then only as durable as the OS makes it
            LOG.log(System.Logger.Level.DEBUG, "Cannot fsync directory " + dir, e);
        }
    }

    private LogSegment activeSegment() {
        return segments.lastEntry().getValue();
    }

    private void ensureOpen() {
        if (closed) {
            throw new LogStorageException(where + " is closed");
        }
    }

    @Override
    public String toString() {
        return "PartitionLog(" + dir + ", " + logStartOffset + ".." + logEndOffset + ", hw " + highWatermark + ")";
    }
}
