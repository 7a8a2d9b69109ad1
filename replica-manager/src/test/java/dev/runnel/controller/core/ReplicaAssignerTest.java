package dev.runnel.controller.core;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaAssignerTest {

    @Test
    void replicasOfAPartitionAreDistinctAndLeadersSpreadEvenly() {
        List<List<Integer>> assignment = ReplicaAssigner.assign("orders", List.of(3, 1, 2), 0, 6, 3);

        assertThat(assignment).hasSize(6);
        Map<Integer, Integer> leaders = new HashMap<>();
        for (List<Integer> replicas : assignment) {
            assertThat(new HashSet<>(replicas)).hasSize(3).containsExactlyInAnyOrder(1, 2, 3);
            leaders.merge(replicas.get(0), 1, Integer::sum);
        }
        assertThat(leaders).containsOnly(Map.entry(1, 2), Map.entry(2, 2), Map.entry(3, 2));
    }

    @Test
    void growingATopicContinuesItsOwnPattern() {
        List<List<Integer>> all = ReplicaAssigner.assign("t", List.of(1, 2, 3), 0, 5, 2);
        List<List<Integer>> added = ReplicaAssigner.assign("t", List.of(1, 2, 3), 3, 2, 2);

        assertThat(added).isEqualTo(all.subList(3, 5));
    }

    @Test
    void singleStoreHoldsEveryPartition() {
        assertThat(ReplicaAssigner.assign("t", List.of(7), 0, 3, 1)).containsExactly(List.of(7), List.of(7), List.of(7));
    }

    @Test
    void moreReplicasThanStoresIsRefused() {
        assertThatThrownBy(() -> ReplicaAssigner.assign("t", List.of(1), 0, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 replicas of t");
    }
}
