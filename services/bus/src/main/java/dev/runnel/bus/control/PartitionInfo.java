package dev.runnel.bus.control;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a partition lives.
 *
 * @param leader           broker id of the leading store, -1 when the partition is offline
 * @param leaderEpoch      grows with every leader election; stores fence requests and appends by it
 * @param replicas         broker ids, preferred leader first; while a reassignment runs, the target replicas
 *                         followed by those being removed (every store in this list holds the partition)
 * @param isr              the in-sync replicas: the leader and the followers caught up with it
 * @param partitionEpoch   grows with every change of leader, ISR or replicas, so the controller can reject an
 *                         ISR change decided on an older state (Kafka's partition epoch)
 * @param addingReplicas   replicas a reassignment adds (empty when none runs)
 * @param removingReplicas replicas a reassignment removes once the added ones are in sync
 */
public record PartitionInfo(int partition, int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr,
                            int partitionEpoch, List<Integer> addingReplicas, List<Integer> removingReplicas) {

    @JsonCreator
    public PartitionInfo {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
        addingReplicas = addingReplicas == null ? List.of() : List.copyOf(addingReplicas);
        removingReplicas = removingReplicas == null ? List.of() : List.copyOf(removingReplicas);
    }

    /** A partition with no reassignment in progress. */
    public PartitionInfo(int partition, int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr,
                         int partitionEpoch) {
        this(partition, leader, leaderEpoch, replicas, isr, partitionEpoch, List.of(), List.of());
    }

    /** A partition at partition epoch 0 (a new partition). */
    public PartitionInfo(int partition, int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr) {
        this(partition, leader, leaderEpoch, replicas, isr, 0);
    }

    /** This partition with a new ISR, at the next partition epoch. */
    public PartitionInfo withIsr(List<Integer> newIsr) {
        return new PartitionInfo(partition, leader, leaderEpoch, replicas, newIsr, partitionEpoch + 1,
                addingReplicas, removingReplicas);
    }

    /** This partition with a new leader (or -1) and ISR, at the next leader and partition epochs. */
    public PartitionInfo withLeader(int newLeader, List<Integer> newIsr) {
        return new PartitionInfo(partition, newLeader, leaderEpoch + 1, replicas, newIsr, partitionEpoch + 1,
                addingReplicas, removingReplicas);
    }

    @JsonIgnore // derived, not part of the JSON form
    public boolean isReassigning() {
        return !addingReplicas.isEmpty() || !removingReplicas.isEmpty();
    }

    /** The replicas this partition will have once its reassignment completes (now, when none runs). */
    public List<Integer> targetReplicas() {
        return replicas.stream().filter(id -> !removingReplicas.contains(id)).toList();
    }

    /** The replicas it had before its reassignment began (now, when none runs). */
    public List<Integer> originalReplicas() {
        return replicas.stream().filter(id -> !addingReplicas.contains(id)).toList();
    }

    /**
     * This partition starting to move to {@code target} (Kafka's KIP-455 layout): replicas become the target
     * followed by the original replicas that leave, which stay until the added ones are in sync. Leader and
     * ISR are unchanged; the partition epoch grows.
     */
    public PartitionInfo reassigningTo(List<Integer> target) {
        List<Integer> original = originalReplicas();
        List<Integer> all = new ArrayList<>(target);
        original.stream().filter(id -> !target.contains(id)).forEach(all::add);
        List<Integer> adding = target.stream().filter(id -> !original.contains(id)).toList();
        List<Integer> removing = original.stream().filter(id -> !target.contains(id)).toList();
        return new PartitionInfo(partition, leader, leaderEpoch, all, isr, partitionEpoch + 1, adding, removing);
    }

    /**
     * This partition with exactly {@code newReplicas} and no reassignment: the ISR keeps only those replicas,
     * and when the leader is not among them {@code newLeader} takes over at the next leader epoch.
     */
    public PartitionInfo withReplicas(List<Integer> newReplicas, int newLeader) {
        List<Integer> newIsr = newReplicas.stream().filter(isr::contains).toList();
        int epoch = newLeader == leader ? leaderEpoch : leaderEpoch + 1;
        return new PartitionInfo(partition, newLeader, epoch, newReplicas, newIsr, partitionEpoch + 1, List.of(), List.of());
    }
}
