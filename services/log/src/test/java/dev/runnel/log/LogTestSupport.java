package dev.runnel.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared set-up for log tests: small segments and indexes so rolls happen in tests of a few KiB. */
abstract class LogTestSupport {
    static final long T0 = 1_700_000_000_000L;

    final MutableClock clock = new MutableClock(T0);

    static LogConfig smallConfig() {
        return LogConfig.defaults().withSegmentBytes(4096).withIndexIntervalBytes(256).withSegmentIndexBytes(4096);
    }

    PartitionLog open(Path dir, LogConfig config) throws IOException {
        return PartitionLog.open(dir, config, clock);
    }

    /** Appends {@code batches} batches of {@code recordsPerBatch} records stamped with the clock. */
    static void appendBatches(PartitionLog log, int batches, int recordsPerBatch, long timestamp, int epoch) {
        for (int i = 0; i < batches; i++) {
            log.appendAsLeader(TestBatches.batch(timestamp, recordsPerBatch), epoch);
        }
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static ByteBuffer readAll(PartitionLog log, long from) {
        return log.read(from, Integer.MAX_VALUE, Long.MAX_VALUE).records();
    }
}
