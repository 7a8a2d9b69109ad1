package dev.runnel.controller.core;

import dev.runnel.bus.control.PartitionInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionElectorTest {
    private static final PartitionInfo LED_BY_1 = new PartitionInfo(0, 1, 4, List.of(1, 2, 3), List.of(1, 2, 3), 9);

    @Test
    void nothingChangesWhileEveryIsrMemberLives() {
        assertThat(PartitionElector.afterLiveness(LED_BY_1, Set.of(1, 2, 3), false)).isEmpty();
        assertThat(PartitionElector.preferredLeader(LED_BY_1, Set.of(1, 2, 3))).isEmpty();
    }

    @Test
    void aDeadLeaderIsReplacedByTheNextInSyncReplicaInPreferenceOrder() {
        PartitionInfo notIn2 = new PartitionInfo(0, 1, 4, List.of(1, 2, 3), List.of(1, 3), 9);
        assertThat(PartitionElector.afterLiveness(notIn2, Set.of(2, 3), false)).contains(
                new PartitionInfo(0, 3, 5, List.of(1, 2, 3), List.of(3), 10));
    }

    @Test
    void aDeadFollowerLeavesTheIsrWithoutANewLeaderEpoch() {
        assertThat(PartitionElector.afterLiveness(LED_BY_1, Set.of(1, 3), false)).contains(
                new PartitionInfo(0, 1, 4, List.of(1, 2, 3), List.of(1, 3), 10));
    }

    @Test
    void withNoLiveInSyncReplicaThePartitionGoesOfflineUnlessUncleanElectionIsAllowed() {
        PartitionInfo onlyLeaderInSync = new PartitionInfo(0, 1, 4, List.of(1, 2, 3), List.of(1), 9);
        PartitionInfo offline = PartitionElector.afterLiveness(onlyLeaderInSync, Set.of(2, 3), false).orElseThrow();
        assertThat(offline).isEqualTo(new PartitionInfo(0, -1, 5, List.of(1, 2, 3), List.of(1), 10));
        assertThat(PartitionElector.afterLiveness(offline, Set.of(2, 3), false)).as("stays offline").isEmpty();
        assertThat(PartitionElector.afterLiveness(offline, Set.of(1, 2), false)).as("its in-sync store returns")
                .contains(new PartitionInfo(0, 1, 6, List.of(1, 2, 3), List.of(1), 11));
        assertThat(PartitionElector.afterLiveness(onlyLeaderInSync, Set.of(3), true)).as("unclean")
                .contains(new PartitionInfo(0, 3, 5, List.of(1, 2, 3), List.of(3), 10));
    }

    @Test
    void thePreferredReplicaLeadsAgainOnlyWhenInSync() {
        PartitionInfo ledBy2 = new PartitionInfo(0, 2, 5, List.of(1, 2, 3), List.of(2, 3), 10);
        assertThat(PartitionElector.preferredLeader(ledBy2, Set.of(1, 2, 3))).as("1 is alive but lags").isEmpty();
        PartitionInfo caughtUp = ledBy2.withIsr(List.of(1, 2, 3));
        assertThat(PartitionElector.preferredLeader(caughtUp, Set.of(1, 2, 3))).contains(
                new PartitionInfo(0, 1, 6, List.of(1, 2, 3), List.of(1, 2, 3), 12));
        assertThat(PartitionElector.preferredLeader(caughtUp, Set.of(2, 3))).as("1 is dead").isEmpty();
    }
}
