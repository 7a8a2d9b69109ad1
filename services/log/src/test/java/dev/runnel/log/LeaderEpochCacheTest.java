package dev.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderEpochCacheTest extends LogTestSupport {
    @TempDir
    Path dir;

    @Test
    void epochsAreCheckpointedAndAnswerEndOffsetFor() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            appendBatches(log, 3, 2, T0, 2); // epoch 2: offsets 0-5
            appendBatches(log, 2, 2, T0, 4); // epoch 4: offsets 6-9
            appendBatches(log, 1, 2, T0, 3); // an older epoch is not recorded
            assertThat(Files.readAllLines(dir.resolve("leader-epoch-checkpoint"))).containsExactly("0", "2", "2 0", "4 6");
        }
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            LeaderEpochCache epochs = log.leaderEpochs();
            assertThat(epochs.entries()).containsExactly(new EpochEntry(2, 0), new EpochEntry(4, 6));
            assertThat(epochs.endOffsetFor(4)).isEqualTo(new EpochEndOffset(4, 12));
            assertThat(epochs.endOffsetFor(2)).isEqualTo(new EpochEndOffset(2, 6));
            assertThat(epochs.endOffsetFor(3)).isEqualTo(new EpochEndOffset(2, 6));
            assertThat(epochs.endOffsetFor(1)).isEqualTo(new EpochEndOffset(1, 0));
            assertThat(epochs.endOffsetFor(5)).isEqualTo(EpochEndOffset.undefined());

            log.truncateTo(6);
            assertThat(epochs.entries()).containsExactly(new EpochEntry(2, 0));
            assertThat(epochs.endOffsetFor(2)).isEqualTo(new EpochEndOffset(2, 6));
        }
    }

    @Test
    void missingCheckpointIsRebuiltFromBatchHeaders() throws Exception {
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            appendBatches(log, 2, 1, T0, 1);
            appendBatches(log, 2, 1, T0, 7);
        }
        Files.delete(dir.resolve("leader-epoch-checkpoint"));
        try (PartitionLog log = open(dir, LogConfig.defaults())) {
            assertThat(log.leaderEpochs().entries()).containsExactly(new EpochEntry(1, 0), new EpochEntry(7, 2));
        }
        assertThat(dir.resolve("leader-epoch-checkpoint")).exists();
    }

    @Test
    void retentionMovesTheFirstEpochStart() throws Exception {
        LeaderEpochCache cache = new LeaderEpochCache(dir.resolve("cp"), () -> 100);
        cache.assign(1, 0);
        cache.assign(2, 40);
        cache.assign(3, 70);
        cache.truncateFromStart(50);
        assertThat(cache.entries()).containsExactly(new EpochEntry(2, 50), new EpochEntry(3, 70));
        cache.truncateFromEnd(70);
        assertThat(cache.entries()).containsExactly(new EpochEntry(2, 50));
        assertThat(cache.endOffsetFor(2)).isEqualTo(new EpochEndOffset(2, 100));
    }
}
