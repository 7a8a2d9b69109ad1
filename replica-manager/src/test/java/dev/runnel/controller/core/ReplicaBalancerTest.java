package dev.runnel.controller.core;

import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaBalancerTest {

    @Test
    void newStoresReceiveAnEvenShareOfReplicasAndLeaders() {
        List<TopicInfo> topics = List.of(topic("orders", 6, 3, List.of(1, 2, 3)), topic("audit", 4, 2, List.of(1, 2, 3)));
        Set<Integer> pool = Set.of(1, 2, 3, 4, 5);

        List<TopicInfo> balanced = applyUntilStable(topics, pool);

        Map<Integer, Integer> replicas = count(balanced, false);
        assertThat(replicas.keySet()).containsExactly(1, 2, 3, 4, 5);
        assertThat(replicas.values()).allMatch(n -> n == 5 || n == 6); // 26 replicas over 5 stores
        assertThat(count(balanced, true).values()).allMatch(n -> n == 2); // 10 preferred leaders over 5 stores
        balanced.forEach(t -> t.partitions().forEach(p -> assertThat(Set.copyOf(p.replicas())).hasSameSizeAs(p.replicas())));
    }

    @Test
    void drainingMovesEveryReplicaOffStoresOutsideThePoolFirst() {
        List<TopicInfo> topics = applyUntilStable(List.of(topic("orders", 6, 3, List.of(1, 2, 3, 4, 5))), Set.of(1, 2, 3, 4, 5));
        Set<Integer> pool = Set.of(1, 2, 3);

        List<ReplicaBalancer.Move> first = ReplicaBalancer.plan(topics, pool);
        List<TopicInfo> drained = applyUntilStable(topics, pool);

        assertThat(first).isNotEmpty();
        PartitionInfo firstMoved = topics.get(0).partitions().get(first.get(0).partition());
        assertThat(pool.containsAll(firstMoved.replicas())).as("the first move drains").isFalse();
        drained.get(0).partitions().forEach(p -> assertThat(p.replicas()).hasSize(3).containsExactlyInAnyOrder(1, 2, 3));
    }

    @Test
    void aBalancedClusterPlansNothing() {
        List<TopicInfo> topics = List.of(topic("orders", 6, 3, List.of(1, 2, 3)));

        assertThat(ReplicaBalancer.plan(topics, Set.of(1, 2, 3))).isEmpty();
    }

    @Test
    void partitionsBeingReassignedAreLeftAloneAndCountWithTheirTarget() {
        PartitionInfo moving = new PartitionInfo(0, 1, 0, List.of(1, 2), List.of(1, 2), 0).reassigningTo(List.of(3, 2));
        TopicInfo topic = new TopicInfo("t", UUID.randomUUID(), Map.of(), List.of(moving,
                new PartitionInfo(1, 2, 0, List.of(2, 3), List.of(2, 3), 0)));

        List<ReplicaBalancer.Move> moves = ReplicaBalancer.plan(List.of(topic), Set.of(2, 3));

        assertThat(moves).extracting(ReplicaBalancer.Move::partition).doesNotContain(0);
    }

    @Test
    void aPoolTooSmallForTheReplicationFactorKeepsTheReplicasItCannotPlace() {
        List<TopicInfo> topics = List.of(topic("orders", 3, 3, List.of(1, 2, 3)));

        List<TopicInfo> after = applyUntilStable(topics, Set.of(1, 2));

        after.get(0).partitions().forEach(p -> assertThat(p.replicas()).hasSize(3).contains(3));
    }

    /** Applies the planned moves as if each completed, until the plan is empty (at most 20 rounds). */
    private static List<TopicInfo> applyUntilStable(List<TopicInfo> topics, Set<Integer> pool) {
        List<TopicInfo> current = topics;
        for (int round = 0; round < 20; round++) {
            List<ReplicaBalancer.Move> moves = ReplicaBalancer.plan(current, pool);
            if (moves.isEmpty()) {
                return current;
            }
            List<TopicInfo> next = new ArrayList<>();
            for (TopicInfo t : current) {
                List<PartitionInfo> parts = new ArrayList<>(t.partitions());
                for (ReplicaBalancer.Move m : moves) {
                    if (m.topic().equals(t.name())) {
                        PartitionInfo p = parts.get(m.partition());
                        parts.set(m.partition(), new PartitionInfo(p.partition(), m.targetReplicas().get(0), p.leaderEpoch() + 1,
                                m.targetReplicas(), m.targetReplicas(), p.partitionEpoch() + 1));
                    }
                }
                next.add(new TopicInfo(t.name(), t.id(), t.configs(), parts));
            }
            current = next;
        }
        throw new AssertionError("The balancer did not settle in 20 rounds: " + current);
    }

    private static TopicInfo topic(String name, int partitions, int rf, List<Integer> stores) {
        List<List<Integer>> assignment = ReplicaAssigner.assign(name, stores, 0, partitions, rf);
        List<PartitionInfo> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            List<Integer> replicas = assignment.get(p);
            parts.add(new PartitionInfo(p, replicas.get(0), 0, replicas, replicas));
        }
        return new TopicInfo(name, UUID.randomUUID(), Map.of(), parts);
    }

    private static Map<Integer, Integer> count(List<TopicInfo> topics, boolean leadersOnly) {
        Map<Integer, Integer> counts = new TreeMap<>();
        topics.forEach(t -> t.partitions().forEach(p -> (leadersOnly ? p.replicas().subList(0, 1) : p.replicas())
                .forEach(id -> counts.merge(id, 1, Integer::sum))));
        return counts;
    }
}
