package dev.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash recovery: logs are closed, then damaged on disk the way a crash would, then reopened. */
class RecoveryTest extends LogTestSupport {
    @TempDir
    Path dir;

    /** Writes 10 one-record batches, closes, removes the clean-shutdown marker (as after a crash). */
    private int writeTenBatchesAndCrash(LogConfig config) throws IOException {
        int batchSize;
        try (PartitionLog log = open(dir, config)) {
            ByteBuffer one = TestBatches.batch(T0, 1);
            batchSize = one.remaining();
            appendBatches(log, 10, 1, T0, 0);
        }
        Files.delete(dir.resolve(".clean-shutdown"));
        return batchSize;
    }

    @Test
    void tornTailIsTruncatedAndAppendsContinueAtTheRightOffset() throws Exception {
        int batchSize = writeTenBatchesAndCrash(LogConfig.defaults());
        Path segment = dir.resolve("00000000000000000000.log");
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(9L * batchSize + batchSize / 2); // the 10th batch is cut mid-way
        }

        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            assertThat(Files.size(segment)).isEqualTo(9L * batchSize);
            assertThat(log.logEndOffset()).isEqualTo(9);
            assertThat(TestBatches.baseOffsets(readAll(log, 0))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
            assertThat(log.appendAsLeader(TestBatches.batch(T0, 2), 0).firstOffset()).isEqualTo(9);
            assertThat(log.logEndOffset()).isEqualTo(11);
        }
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            assertThat(log.logEndOffset()).isEqualTo(11);
        }
    }

    @Test
    void flippedByteInTheLastBatchIsTruncated() throws Exception {
        int batchSize = writeTenBatchesAndCrash(LogConfig.defaults());
        Path segment = dir.resolve("00000000000000000000.log");
        flipByte(segment, 9L * batchSize + 70);

        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            assertThat(log.logEndOffset()).isEqualTo(9);
            assertThat(Files.size(segment)).isEqualTo(9L * batchSize);
            ByteBuffer all = readAll(log, 0);
            for (int at = 0; at < all.limit(); at += BatchHeader.sizeInBytes(all, at)) {
                assertThat(BatchHeader.isCrcValid(all, at)).isTrue();
            }
        }
    }

    @Test
    void zeroFilledTailIsTruncated() throws Exception {
        int batchSize = writeTenBatchesAndCrash(LogConfig.defaults());
        Path segment = dir.resolve("00000000000000000000.log");
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4096), 10L * batchSize);
        }
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            assertThat(log.logEndOffset()).isEqualTo(10);
            assertThat(Files.size(segment)).isEqualTo(10L * batchSize);
        }
    }

    @Test
    void deletedAndGarbageIndexesAreRebuilt() throws Exception {
        try (PartitionLog log = open(dir, smallConfig())) {
            for (int i = 0; i < 40; i++) {
                log.appendAsLeader(TestBatches.builder().records(2, 150, T0 + i).build(), 0);
            }
            assertThat(log.segmentCount()).isGreaterThan(3);
        }
        List<Path> offsetIndexes = files(dir, ".index");
        List<Path> timeIndexes = files(dir, ".timeindex");
        Files.delete(offsetIndexes.get(0));
        Files.delete(timeIndexes.get(0));
        Random random = new Random(42);
        byte[] garbage = new byte[37];
        random.nextBytes(garbage);
        Files.write(offsetIndexes.get(1), garbage);
        byte[] alignedGarbage = new byte[64];
        random.nextBytes(alignedGarbage);
        Files.write(offsetIndexes.get(2), alignedGarbage);
        Files.write(timeIndexes.get(2), new byte[] {1, 2, 3});

        try (PartitionLog log = open(dir, smallConfig())) {
            for (long offset = 0; offset < 80; offset++) {
                assertThat(TestBatches.baseOffsets(log.read(offset, 1, Long.MAX_VALUE).records())).containsExactly(offset - offset % 2);
            }
            assertThat(log.offsetForTimestamp(T0 + 7)).contains(new TimestampOffset(T0 + 7, 14));
            assertThat(log.offsetForTimestamp(T0 + 25)).contains(new TimestampOffset(T0 + 25, 50));
        }
        assertThat(offsetIndexes.get(0)).exists();
        assertThat(Files.size(offsetIndexes.get(1)) % OffsetIndex.ENTRY_SIZE).isZero();
        assertThat(Files.size(timeIndexes.get(2)) % TimeIndex.ENTRY_SIZE).isZero();
        assertThat(Files.size(offsetIndexes.get(0))).isPositive();
    }

    @Test
    void crashWithoutCloseLeavesAReadableLog() throws Exception {
        PartitionLog crashed = open(dir, smallConfig());
        for (int i = 0; i < 30; i++) {
            crashed.appendAsLeader(TestBatches.builder().records(2, 150, T0 + i).build(), 0);
        }
        // no close: the active segment's indexes are still preallocated, no clean-shutdown marker
        try (PartitionLog log = open(dir, smallConfig())) {
            assertThat(log.logEndOffset()).isEqualTo(60);
            assertThat(TestBatches.baseOffsets(log.read(59, 1, Long.MAX_VALUE).records())).containsExactly(58L);
            assertThat(log.appendAsLeader(TestBatches.batch(T0, 1), 0).firstOffset()).isEqualTo(60);
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            ch.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x40));
            one.rewind();
            ch.write(one, position);
        }
    }
}
