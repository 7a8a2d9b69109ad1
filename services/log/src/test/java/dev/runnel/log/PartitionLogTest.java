package dev.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionLogTest extends LogTestSupport {
    @TempDir
    Path dir;

    @Test
    void appendedBatchesReadBackByteForByteWithAssignedOffsets() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            ByteBuffer first = TestBatches.builder()
                    .record(T0, "k1", "hello", new TestBatches.Header("h", new byte[] {1, 2}))
                    .record(T0 + 1, null, "world").build();
            ByteBuffer second = TestBatches.batch(T0 + 2, 3);

            LogAppendInfo a = log.appendAsLeader(first, 4);
            LogAppendInfo b = log.appendAsLeader(second, 4);

            assertThat(a).isEqualTo(new LogAppendInfo(0, 1, T0 + 1, -1, 1, first.remaining(), false));
            assertThat(b.firstOffset()).isEqualTo(2);
            assertThat(b.lastOffset()).isEqualTo(4);
            assertThat(log.logEndOffset()).isEqualTo(5);
            // the caller's buffer carries the assigned offset and epoch, position untouched
            assertThat(second.position()).isZero();
            assertThat(second.getLong(0)).isEqualTo(2);
            assertThat(second.getInt(12)).isEqualTo(4);

            ByteBuffer all = readAll(log, 0);
            assertThat(all).isEqualTo(TestBatches.concat(first, second));
            assertThat(TestBatches.values(all)).containsExactly("hello", "world", "v0", "v1", "v2");
            assertThat(TestBatches.baseOffsets(log.read(3, 1, Long.MAX_VALUE).records())).containsExactly(2L);
        }
    }

    @Test
    void readHonoursBoundsMaxBytesAndMaxOffset() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            appendBatches(log, 3, 2, T0, 0); // offsets 0-1, 2-3, 4-5
            int batchSize = TestBatches.batch(T0, 2).remaining();

            assertThat(log.read(6, 1000, Long.MAX_VALUE).records().remaining()).isZero();
            assertThatThrownBy(() -> log.read(7, 1000, Long.MAX_VALUE)).isInstanceOf(OffsetOutOfRangeException.class)
                    .hasMessageContaining(dir.toString()).hasMessageContaining("7");
            assertThatThrownBy(() -> log.read(-1, 1000, Long.MAX_VALUE)).isInstanceOf(OffsetOutOfRangeException.class);
            // maxBytes below one batch still returns that batch
            assertThat(TestBatches.baseOffsets(log.read(0, 10, Long.MAX_VALUE).records())).containsExactly(0L);
            // room for two and a half batches: two whole ones
            assertThat(TestBatches.baseOffsets(log.read(1, batchSize * 2 + batchSize / 2, Long.MAX_VALUE).records()))
                    .containsExactly(0L, 2L);
            // nothing at or past maxOffsetExclusive (a high watermark)
            assertThat(TestBatches.baseOffsets(log.read(0, 100_000, 4).records())).containsExactly(0L, 2L);
            assertThat(TestBatches.baseOffsets(log.read(0, 100_000, 3).records())).containsExactly(0L);
            assertThat(log.read(4, 100_000, 4).records().remaining()).isZero();
            LogReadInfo info = log.read(0, 100, Long.MAX_VALUE);
            assertThat(info.logStartOffset()).isZero();
            assertThat(info.logEndOffset()).isEqualTo(6);
        }
    }

    @Test
    void rollsBySizeAndFindsEveryOffsetThroughTheIndexes() throws Exception {
        try (PartitionLog log = open(dir, smallConfig())) {
            for (int i = 0; i < 60; i++) {
                log.appendAsLeader(TestBatches.builder().records(3, 100, T0 + i).build(), 0);
            }
            assertThat(log.segmentCount()).isGreaterThan(3);
            List<Path> logs = files(dir, ".log");
            assertThat(logs).hasSize(log.segmentCount());
            assertThat(logs.get(0).getFileName().toString()).isEqualTo("00000000000000000000.log");
            assertThat(files(dir, ".index")).hasSize(log.segmentCount());
            assertThat(files(dir, ".timeindex")).hasSize(log.segmentCount());
            for (Path p : logs) {
                assertThat(Files.size(p)).isLessThanOrEqualTo(4096);
            }
            for (long offset = 0; offset < 180; offset++) {
                List<Long> bases = TestBatches.baseOffsets(log.read(offset, 1, Long.MAX_VALUE).records());
                assertThat(bases).containsExactly(offset - offset % 3);
            }
            // rolled segments have indexes trimmed to their entries
            assertThat(Files.size(files(dir, ".index").get(0)) % 8).isZero();
            assertThat(Files.size(files(dir, ".index").get(0))).isLessThan(4096);
        }
    }

    @Test
    void rollsBySegmentMs() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults().withSegmentMs(60_000))) {
            log.appendAsLeader(TestBatches.batch(clock.millis(), 1), 0);
            clock.advance(30_000);
            log.appendAsLeader(TestBatches.batch(clock.millis(), 1), 0);
            assertThat(log.segmentCount()).isEqualTo(1);
            clock.advance(30_000);
            log.appendAsLeader(TestBatches.batch(clock.millis(), 1), 0);
            assertThat(log.segmentCount()).isEqualTo(2);
            assertThat(files(dir, ".log").get(1).getFileName().toString()).isEqualTo("00000000000000000002.log");
            assertThat(TestBatches.baseOffsets(readAll(log, 0))).containsExactly(0L, 1L);
            assertThat(TestBatches.baseOffsets(readAll(log, 2))).containsExactly(2L);
        }
    }

    @Test
    void offsetForTimestampFindsTheFirstRecordAtOrAfter() throws Exception {
        try (PartitionLog log = open(dir, smallConfig())) {
            // 40 batches of 4 records, record i has timestamp T0 + 10 * i
            for (int batch = 0; batch < 40; batch++) {
                TestBatches.Builder b = TestBatches.builder();
                for (int r = 0; r < 4; r++) {
                    int i = batch * 4 + r;
                    b.record(T0 + 10L * i, "k", "value-" + i + "-".repeat(60));
                }
                log.appendAsLeader(b.build(), 0);
            }
            assertThat(log.segmentCount()).isGreaterThan(2);
            assertThat(log.offsetForTimestamp(T0)).contains(new TimestampOffset(T0, 0));
            assertThat(log.offsetForTimestamp(T0 - 5)).contains(new TimestampOffset(T0, 0));
            assertThat(log.offsetForTimestamp(T0 + 10 * 77)).contains(new TimestampOffset(T0 + 770, 77));
            assertThat(log.offsetForTimestamp(T0 + 10 * 77 - 3)).contains(new TimestampOffset(T0 + 770, 77));
            assertThat(log.offsetForTimestamp(T0 + 10 * 159)).contains(new TimestampOffset(T0 + 1590, 159));
            assertThat(log.offsetForTimestamp(T0 + 10 * 159 + 1)).isEmpty();
        }
        try (PartitionLog reopened = open(dir, smallConfig())) {
            assertThat(reopened.offsetForTimestamp(T0 + 10 * 123 - 1)).contains(new TimestampOffset(T0 + 1230, 123));
        }
    }

    @Test
    void logAppendTimeStampsTheClockAndKeepsTheCrcValid() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults().withLogAppendTime(true))) {
            LogAppendInfo info = log.appendAsLeader(TestBatches.batch(T0 - 99_999, 2), 1);
            assertThat(info.logAppendTime()).isEqualTo(T0);
            assertThat(info.maxTimestamp()).isEqualTo(T0);
            ByteBuffer stored = readAll(log, 0);
            assertThat(BatchHeader.isLogAppendTime(stored, 0)).isTrue();
            assertThat(BatchHeader.maxTimestamp(stored, 0)).isEqualTo(T0);
            assertThat(BatchHeader.isCrcValid(stored, 0)).isTrue();
            assertThat(log.offsetForTimestamp(T0)).contains(new TimestampOffset(T0, 0));
        }
    }

    @Test
    void rejectsInvalidBatchesAndAppendsNothing() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults().withMaxMessageBytes(500))) {
            ByteBuffer good = TestBatches.batch(T0, 2);
            ByteBuffer partial = TestBatches.concat(good, good.duplicate().limit(good.limit() - 5));
            assertThatThrownBy(() -> log.appendAsLeader(partial, 0)).isInstanceOf(CorruptRecordException.class)
                    .hasMessageContaining("Partial trailing batch").hasMessageContaining(dir.toString());

            ByteBuffer badCrc = TestBatches.batch(T0, 2);
            badCrc.put(badCrc.limit() - 1, (byte) (badCrc.get(badCrc.limit() - 1) ^ 1));
            assertThatThrownBy(() -> log.appendAsLeader(badCrc, 0)).isInstanceOf(CorruptRecordException.class).hasMessageContaining("CRC");

            ByteBuffer oldMagic = TestBatches.batch(T0, 2);
            oldMagic.put(16, (byte) 1);
            assertThatThrownBy(() -> log.appendAsLeader(oldMagic, 0)).isInstanceOf(InvalidRecordException.class).hasMessageContaining("magic 1");

            ByteBuffer big = TestBatches.builder().records(1, 600, T0).build();
            assertThatThrownBy(() -> log.appendAsLeader(big, 0)).isInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("max.message.bytes=500");

            assertThat(log.logEndOffset()).isZero();
            assertThat(log.sizeInBytes()).isZero();
            assertThat(log.appendAsLeader(ByteBuffer.allocate(0), 0).batchCount()).isZero();
        }
    }

    @Test
    void followerAppendKeepsOffsetsAndEpochs() throws Exception {
        try (PartitionLog leader = open(dir.resolve("leader"), LogConfig.defaults());
             PartitionLog follower = open(dir.resolve("follower"), LogConfig.defaults())) {
            appendBatches(leader, 2, 3, T0, 5);
            appendBatches(leader, 1, 3, T0, 6);
            ByteBuffer fetched = leader.read(0, Integer.MAX_VALUE, Long.MAX_VALUE).records();

            LogAppendInfo info = follower.appendAsFollower(fetched);

            assertThat(info.firstOffset()).isZero();
            assertThat(info.lastOffset()).isEqualTo(8);
            assertThat(follower.logEndOffset()).isEqualTo(9);
            assertThat(readAll(follower, 0)).isEqualTo(readAll(leader, 0));
            assertThat(follower.leaderEpochs().entries()).containsExactly(new EpochEntry(5, 0), new EpochEntry(6, 6));
            ByteBuffer again = leader.read(0, 1, Long.MAX_VALUE).records();
            assertThatThrownBy(() -> follower.appendAsFollower(again)).isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("below the log end offset 9");
        }
    }

    @Test
    void truncateToDropsWholeBatchesAndAppendsContinue() throws Exception {
        try (PartitionLog log = open(dir, smallConfig())) {
            for (int i = 0; i < 40; i++) {
                log.appendAsLeader(TestBatches.builder().records(2, 150, T0 + i).build(), i < 20 ? 1 : 2);
            }
            log.updateHighWatermark(80);
            int segmentsBefore = log.segmentCount();
            assertThat(segmentsBefore).isGreaterThan(3);

            log.truncateTo(31); // inside batch 30-31: the whole batch goes

            assertThat(log.logEndOffset()).isEqualTo(30);
            assertThat(log.highWatermark()).isEqualTo(30);
            assertThat(log.segmentCount()).isLessThan(segmentsBefore);
            assertThat(log.leaderEpochs().entries()).containsExactly(new EpochEntry(1, 0));
            assertThat(TestBatches.baseOffsets(readAll(log, 28))).last().isEqualTo(28L);
            assertThat(log.read(30, 100, Long.MAX_VALUE).records().remaining()).isZero();

            LogAppendInfo next = log.appendAsLeader(TestBatches.batch(T0 + 100, 2), 3);
            assertThat(next.firstOffset()).isEqualTo(30);
            assertThat(TestBatches.baseOffsets(log.read(30, 1, Long.MAX_VALUE).records())).containsExactly(30L);
            assertThat(log.offsetForTimestamp(T0 + 100)).contains(new TimestampOffset(T0 + 100, 30));
        }
        try (PartitionLog reopened = open(dir, smallConfig())) {
            assertThat(reopened.logEndOffset()).isEqualTo(32);
            assertThat(reopened.leaderEpochs().entries()).containsExactly(new EpochEntry(1, 0), new EpochEntry(3, 30));
        }
    }

    @Test
    void truncateBelowLogStartRestartsTheLog() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            appendBatches(log, 3, 1, T0, 0);
            log.truncateFullyAndStartAt(100);
            assertThat(log.logStartOffset()).isEqualTo(100);
            assertThat(log.logEndOffset()).isEqualTo(100);
            assertThat(log.appendAsLeader(TestBatches.batch(T0, 1), 1).firstOffset()).isEqualTo(100);
            assertThat(files(dir, ".log")).extracting(p -> p.getFileName().toString()).containsExactly("00000000000000000100.log");
        }
    }

    @Test
    void highWatermarkIsCheckpointedAndClamped() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            appendBatches(log, 5, 1, T0, 0);
            log.updateHighWatermark(3);
            assertThat(log.highWatermark()).isEqualTo(3);
            log.updateHighWatermark(99);
            assertThat(log.highWatermark()).isEqualTo(5);
            log.updateHighWatermark(4);
        }
        assertThat(Files.readAllLines(dir.resolve("high-watermark-checkpoint"))).containsExactly("0", "1", "4");
        try (PartitionLog reopened = open(dir, LogConfig.defaults())) {
            assertThat(reopened.highWatermark()).isEqualTo(4);
            assertThat(reopened.read(0, 100, reopened.highWatermark()).records().remaining()).isPositive();
        }
    }

    @Test
    void deleteRemovesTheDirectoryAndClosedLogRefusesWork() throws Exception {
        PartitionLog log = open(dir.resolve("p-0"), LogConfig.defaults());
        appendBatches(log, 2, 1, T0, 0);
        log.delete();
        assertThat(dir.resolve("p-0")).doesNotExist();
        assertThatThrownBy(() -> log.read(0, 1, Long.MAX_VALUE)).isInstanceOf(LogStorageException.class).hasMessageContaining("closed");
    }

    @Test
    void configFromKafkaNames() {
        LogConfig c = LogConfig.fromTopicConfigs(Map.of("segment.bytes", "1024", "retention.ms", "-1",
                "message.timestamp.type", "LogAppendTime", "cleanup.policy", "delete"));
        assertThat(c.segmentBytes()).isEqualTo(1024);
        assertThat(c.retentionMs()).isEqualTo(-1);
        assertThat(c.logAppendTime()).isTrue();
        assertThat(c.segmentIndexBytes()).isEqualTo(LogConfig.defaults().segmentIndexBytes());
        assertThat(LogConfig.fromTopicConfigs(Map.of())).isEqualTo(LogConfig.defaults());
        assertThatThrownBy(() -> LogConfig.fromTopicConfigs(Map.of("segment.ms", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment.ms");
    }
}
