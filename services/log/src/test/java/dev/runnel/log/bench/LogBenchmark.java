package dev.runnel.log.bench;

import dev.runnel.log.LogConfig;
import dev.runnel.log.LogReadInfo;
import dev.runnel.log.PartitionLog;
import dev.runnel.log.TestBatches;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append and sequential-read throughput of {@link PartitionLog}, each beside a bare FileChannel loop over
 * the same bytes, so one run gives the log/raw ratio. A batch is what Kafka's producer sends by default:
 * ~128 KiB of 1 KiB records, uncompressed. Both sides roll files at the same size with an fsync and keep
 * the same amount on disk (the log via retention.bytes), so the difference is the log's own work:
 * validation and CRC, offset assignment, index entries, bookkeeping.
 * <p>
 * Throughput is reported in operations per second and, in the {@code bytes} rows, bytes per second. Run: see services/log/README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class LogBenchmark {
    static final int RECORDS_PER_BATCH = 128;
    static final int RECORD_VALUE_BYTES = 1024;
    static final int SEGMENT_BYTES = 256 * 1024 * 1024;
    static final long RETAINED_BYTES = 2L * SEGMENT_BYTES;
    static final int READ_BYTES = 1024 * 1024;

    static ByteBuffer producerBatch() {
        return TestBatches.builder().records(RECORDS_PER_BATCH, RECORD_VALUE_BYTES, System.currentTimeMillis()).build();
    }

    static Path tempDir(String prefix) throws IOException {
        Path base = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
        return Files.createTempDirectory(base, prefix);
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Bytes moved, reported by JMH as a rate ("bytes" row, bytes per second) next to ops/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    /** A log with Kafka-like settings except smaller segments, and retention keeping disk use bounded. */
    @State(Scope.Thread)
    public static class LogState {
        Path dir;
        PartitionLog log;
        ByteBuffer batch;
        long appends;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = tempDir("runnel-log-bench");
            log = PartitionLog.open(dir, LogConfig.defaults().withSegmentBytes(SEGMENT_BYTES).withRetentionBytes(RETAINED_BYTES),
                    Clock.systemUTC());
            batch = producerBatch();
            System.out.println("\nbatch bytes: " + batch.remaining());
        }

        /** Retention as the partition store would run it: between requests, with the high watermark at the end. */
        void maybeApplyRetention() {
            if (++appends % 1024 == 0) {
                log.updateHighWatermark(log.logEndOffset());
                log.deleteExpiredSegments();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            log.delete();
        }
    }

    /** Bare FileChannel writes of the same bytes into files of the same size, fsynced when rolled. */
    @State(Scope.Thread)
    public static class RawState {
        Path dir;
        ByteBuffer batch;
        FileChannel channel;
        long position;
        int fileNumber;
        final ArrayDeque<Path> files = new ArrayDeque<>();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = tempDir("runnel-raw-bench");
            batch = producerBatch();
            newFile();
        }

        void newFile() throws IOException {
            if (channel != null) {
                channel.force(true);
                channel.close();
            }
            Path file = dir.resolve(String.format("%020d.raw", fileNumber++));
            files.addLast(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            position = 0;
            while ((long) files.size() * SEGMENT_BYTES > RETAINED_BYTES + SEGMENT_BYTES) {
                Files.delete(files.removeFirst());
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            channel.close();
            deleteTree(dir);
        }
    }

    /** A log holding ~256 MiB, read front to back in 1 MiB fetches (wrapping), beside the same file read raw. */
    @State(Scope.Thread)
    public static class ReadState {
        Path dir;
        PartitionLog log;
        long nextOffset;
        FileChannel rawFile;
        long rawPosition;
        long rawSize;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = tempDir("runnel-read-bench");
            log = PartitionLog.open(dir, LogConfig.defaults(), Clock.systemUTC());
            ByteBuffer batch = producerBatch();
            while (log.sizeInBytes() < 256L * 1024 * 1024) {
                log.appendAsLeader(batch, 0);
            }
            log.flush();
            rawFile = FileChannel.open(dir.resolve("00000000000000000000.log"), StandardOpenOption.READ);
            rawSize = rawFile.size();
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            rawFile.close();
            log.delete();
        }
    }

    @Benchmark
    public long logAppend(LogState s, Bytes counter) {
        long last = s.log.appendAsLeader(s.batch, 0).lastOffset();
        s.maybeApplyRetention();
        counter.bytes += s.batch.remaining();
        return last;
    }

    @Benchmark
    public int rawFileChannelWrite(RawState s, Bytes counter) throws IOException {
        if (s.position + s.batch.remaining() > SEGMENT_BYTES) {
            s.newFile();
        }
        ByteBuffer b = s.batch.duplicate();
        int written = 0;
        while (b.hasRemaining()) {
            written += s.channel.write(b, s.position + written);
        }
        s.position += written;
        counter.bytes += written;
        return written;
    }

    @Benchmark
    public int logSequentialRead(ReadState s, Bytes counter) {
        if (s.nextOffset >= s.log.logEndOffset()) {
            s.nextOffset = s.log.logStartOffset();
        }
        LogReadInfo info = s.log.read(s.nextOffset, READ_BYTES, Long.MAX_VALUE);
        ByteBuffer records = info.records();
        int lastBatch = 0;
        for (int at = 0; at < records.limit(); at += 12 + records.getInt(at + 8)) {
            lastBatch = at;
        }
        s.nextOffset = records.getLong(lastBatch) + records.getInt(lastBatch + 23) + 1;
        counter.bytes += records.limit();
        return records.limit();
    }

    @Benchmark
    public int rawSequentialRead(ReadState s, Bytes counter) throws IOException {
        if (s.rawPosition >= s.rawSize) {
            s.rawPosition = 0;
        }
        ByteBuffer out = ByteBuffer.allocate((int) Math.min(READ_BYTES, s.rawSize - s.rawPosition));
        while (out.hasRemaining()) {
            if (s.rawFile.read(out, s.rawPosition + out.position()) < 0) {
                break;
            }
        }
        s.rawPosition += out.position();
        counter.bytes += out.position();
        return out.position();
    }
}
