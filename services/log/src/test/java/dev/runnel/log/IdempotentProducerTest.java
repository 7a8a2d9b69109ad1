package dev.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdempotentProducerTest extends LogTestSupport {
    @TempDir
    Path dir;

    private static ByteBuffer batch(long producerId, int epoch, int firstSeq, int records) {
        return TestBatches.builder().producer(producerId, (short) epoch, firstSeq).records(records, 10, T0).build();
    }

    @Test
    void retryOfARecentBatchIsADuplicateWithTheOriginalOffsets() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            log.appendAsLeader(TestBatches.batch(T0, 3), 0); // offsets 0-2, not idempotent
            LogAppendInfo first = log.appendAsLeader(batch(7, 0, 0, 5), 0);
            log.appendAsLeader(batch(7, 0, 5, 5), 0);
            long end = log.logEndOffset();

            LogAppendInfo retry = log.appendAsLeader(batch(7, 0, 0, 5), 0);

            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.firstOffset()).isEqualTo(first.firstOffset()).isEqualTo(3);
            assertThat(retry.lastOffset()).isEqualTo(7);
            assertThat(log.logEndOffset()).isEqualTo(end);
        }
        try (PartitionLog reopened = open(dir, LogConfig.defaults())) {
            LogAppendInfo retry = reopened.appendAsLeader(batch(7, 0, 5, 5), 0);
            assertThat(retry.duplicate()).isTrue();
            assertThat(retry.firstOffset()).isEqualTo(8);
            assertThat(reopened.appendAsLeader(batch(7, 0, 10, 1), 0).firstOffset()).isEqualTo(13);
        }
    }

    @Test
    void sequenceGapsAndFencedEpochsAreRefused() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            log.appendAsLeader(batch(9, 2, 40, 5), 0); // unknown producer: any sequence is accepted
            assertThatThrownBy(() -> log.appendAsLeader(batch(9, 2, 46, 1), 0))
                    .isInstanceOf(OutOfOrderSequenceException.class).hasMessageContaining("got 46, expected 45");
            assertThatThrownBy(() -> log.appendAsLeader(batch(9, 1, 45, 1), 0))
                    .isInstanceOf(InvalidProducerEpochException.class).hasMessageContaining("epoch 1");
            assertThatThrownBy(() -> log.appendAsLeader(batch(9, 3, 5, 1), 0))
                    .isInstanceOf(OutOfOrderSequenceException.class).hasMessageContaining("not 0");
            assertThat(log.logEndOffset()).isEqualTo(5);

            assertThat(log.appendAsLeader(batch(9, 2, 45, 1), 0).duplicate()).isFalse();
            assertThat(log.appendAsLeader(batch(9, 3, 0, 2), 0).firstOffset()).isEqualTo(6);
            // two batches of one producer in one buffer chain their sequences
            assertThat(log.appendAsLeader(TestBatches.concat(batch(9, 3, 2, 1), batch(9, 3, 3, 1)), 0).lastOffset()).isEqualTo(9);
            assertThatThrownBy(() -> log.appendAsLeader(TestBatches.concat(batch(9, 3, 4, 1), batch(9, 3, 6, 1)), 0))
                    .isInstanceOf(OutOfOrderSequenceException.class);
            assertThat(log.logEndOffset()).isEqualTo(10);
        }
    }

    @Test
    void onlyTheLastFiveBatchesAreRemembered() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            for (int seq = 0; seq < 6; seq++) {
                log.appendAsLeader(batch(1, 0, seq, 1), 0);
            }
            assertThat(log.appendAsLeader(batch(1, 0, 1, 1), 0).duplicate()).isTrue();
            assertThatThrownBy(() -> log.appendAsLeader(batch(1, 0, 0, 1), 0)).isInstanceOf(OutOfOrderSequenceException.class);
        }
    }
}
