package dev.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest extends LogTestSupport {
    @TempDir
    Path dir;

    private void fill(PartitionLog log, int batches, long timestamp) {
        for (int i = 0; i < batches; i++) {
            log.appendAsLeader(TestBatches.builder().records(2, 150, timestamp).build(), 0);
        }
        log.updateHighWatermark(log.logEndOffset());
    }

    @Test
    void retentionBytesDeletesOldestSegmentsButNeverTheActiveOne() throws Exception {
        try (PartitionLog log = open(dir, smallConfig().withRetentionBytes(5000))) {
            fill(log, 60, clock.millis());
            int before = log.segmentCount();
            long sizeBefore = log.sizeInBytes();
            assertThat(sizeBefore).isGreaterThan(10_000);

            int deleted = log.deleteExpiredSegments();

            assertThat(deleted).isPositive();
            assertThat(log.segmentCount()).isEqualTo(before - deleted);
            assertThat(log.sizeInBytes()).isGreaterThanOrEqualTo(5000).isLessThan(5000 + 4096);
            assertThat(log.logStartOffset()).isPositive();
            assertThat(files(dir, ".log")).hasSize(log.segmentCount());
            long start = log.logStartOffset();
            assertThatThrownBy(() -> log.read(start - 1, 100, Long.MAX_VALUE)).isInstanceOf(OffsetOutOfRangeException.class);
            assertThat(TestBatches.baseOffsets(log.read(start, 1, Long.MAX_VALUE).records())).containsExactly(start);
            assertThat(log.deleteExpiredSegments()).isZero();

            log.updateConfig(log.config().withRetentionBytes(0));
            log.deleteExpiredSegments();
            assertThat(log.segmentCount()).isEqualTo(1);
            assertThat(log.logEndOffset()).isEqualTo(120);
        }
        try (PartitionLog reopened = open(dir, smallConfig())) {
            assertThat(reopened.logStartOffset()).isPositive();
            assertThat(reopened.logEndOffset()).isEqualTo(120);
        }
    }

    @Test
    void retentionMsDeletesSegmentsWhoseNewestRecordIsTooOld() throws Exception {
        try (PartitionLog log = open(dir, smallConfig().withRetentionMs(60_000))) {
            fill(log, 30, clock.millis());
            long oldEnd = log.logEndOffset();
            clock.advance(50_000);
            fill(log, 30, clock.millis());
            assertThat(log.deleteExpiredSegments()).isZero();

            clock.advance(20_000); // first half is 70 s old, second half 20 s

            int deleted = log.deleteExpiredSegments();
            assertThat(deleted).isPositive();
            assertThat(log.logStartOffset()).isLessThanOrEqualTo(oldEnd);
            assertThat(log.read(log.logStartOffset(), 1, Long.MAX_VALUE).records().remaining()).isPositive();
            assertThat(log.logEndOffset()).isEqualTo(120);
        }
    }

    @Test
    void segmentsAboveTheHighWatermarkAreKept() throws Exception {
        try (PartitionLog log = open(dir, smallConfig().withRetentionBytes(0))) {
            for (int i = 0; i < 30; i++) {
                log.appendAsLeader(TestBatches.builder().records(2, 150, clock.millis()).build(), 0);
            }
            assertThat(log.highWatermark()).isZero();
            assertThat(log.deleteExpiredSegments()).isZero();
            log.updateHighWatermark(log.logEndOffset());
            assertThat(log.deleteExpiredSegments()).isPositive();
            assertThat(log.segmentCount()).isEqualTo(1);
        }
    }
}
