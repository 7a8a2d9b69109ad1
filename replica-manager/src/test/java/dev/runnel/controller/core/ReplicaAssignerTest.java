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
    void replicasSpreadOverRacks() {
        // racks a: 1, 2, 3; b: 4, 5, 6 — ids alone would put 1 and 2 (both rack a) together
        Map<Integer, String> racks = Map.of(1, "a", 2, "a", 3, "a", 4, "b", 5, "b", 6, "b");
        List<List<Integer>> assignment = ReplicaAssigner.assign("orders", List.of(1, 2, 3, 4, 5, 6), racks, 0, 12, 2);
        for (List<Integer> replicas : assignment) {
            assertThat(replicas.stream().map(racks::get).distinct()).as("racks of %s", replicas).hasSize(2);
        }
        Map<Integer, Integer> leaders = new HashMap<>();
        assignment.forEach(r -> leaders.merge(r.get(0), 1, Integer::sum));
        assertThat(leaders).hasSize(6).allSatisfy((id, led) -> assertThat(led).isEqualTo(2));
        assertThat(ReplicaAssigner.rackAlternated(List.of(6, 5, 4, 3, 2, 1), racks)).containsExactly(1, 4, 2, 5, 3, 6);
        assertThat(ReplicaAssigner.rackAlternated(List.of(3, 1, 2), Map.of())).as("no racks: id order").containsExactly(1, 2, 3);
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
