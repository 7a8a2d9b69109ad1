package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.PartitionInfo;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how a partition's replicas move (Kafka's KIP-455), without doing anything: the controller
 * persists and publishes what it returns. Pure and thread-safe.
 *
 * <ol>
 *   <li>{@link #start}: replicas become the target followed by the replicas that leave; the added stores
 *       open the partition and fetch from the leader like any follower. Leader and ISR do not change.</li>
 *   <li>The leader adds each new replica to the ISR once it has caught up (the ordinary AlterPartition).</li>
 *   <li>{@link #complete}: once every target replica is in the ISR, the replicas become the target, the
 *       leaving ones drop out of the ISR (their stores delete the partition), and if the leader leaves, the
 *       first target replica alive and in sync takes over at the next leader epoch. Every target replica
 *       holds every committed record by then, so nothing acknowledged can be lost.</li>
 * </ol>
 * {@link #cancel} goes back to the original replicas, keeping a leader among them.
 */
public final class Reassignment {
    private Reassignment() {
    }

    /**
     * The partition moving to {@code target}, or a refusal. A new reassignment of a partition already moving
     * replaces the old one (both start from the replicas before the first). Only live stores can be added.
     */
    public static PartitionInfo start(String topic, PartitionInfo p, List<Integer> target, Set<Integer> live) {
        if (target.isEmpty() || Set.copyOf(target).size() != target.size() || target.stream().anyMatch(id -> id < 0)) {
            throw refused(ErrorCode.INVALID_REPLICA_ASSIGNMENT, topic, p,
                    "target replicas " + target + " must be distinct broker ids, at least one");
        }
        List<Integer> unknown = target.stream().filter(id -> !p.replicas().contains(id) && !live.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw refused(ErrorCode.INVALID_REPLICA_ASSIGNMENT, topic, p, "stores " + unknown + " are not alive");
        }
        PartitionInfo moving = p.reassigningTo(target);
        return moving.isReassigning() ? moving : p.withReplicas(target, p.leader()); // only the order changed
    }

    /** The partition back on its original replicas, or a refusal when none is moving or none of those can lead. */
    public static PartitionInfo cancel(String topic, PartitionInfo p, Set<Integer> live) {
        if (!p.isReassigning()) {
            throw refused(ErrorCode.NO_REASSIGNMENT_IN_PROGRESS, topic, p, "no reassignment is in progress");
        }
        List<Integer> original = p.originalReplicas();
        return leaderAmong(original, p, live).map(leader -> p.withReplicas(original, leader))
                .orElseThrow(() -> refused(ErrorCode.INVALID_REPLICA_ASSIGNMENT, topic, p,
                        "no original replica " + original + " is alive and in sync to lead"));
    }

    /** The partition on its target replicas when every one of them is in sync; empty while it must wait. */
    public static Optional<PartitionInfo> complete(PartitionInfo p, Set<Integer> live) {
        if (!p.isReassigning()) {
            return Optional.empty();
        }
        List<Integer> target = p.targetReplicas();
        if (!p.isr().containsAll(target)) {
            return Optional.empty();
        }
        return leaderAmong(target, p, live).map(leader -> p.withReplicas(target, leader));
    }

    /** The current leader when it stays, else the first of {@code replicas} that is alive and in sync. */
    private static Optional<Integer> leaderAmong(List<Integer> replicas, PartitionInfo p, Set<Integer> live) {
        if (p.leader() >= 0 && replicas.contains(p.leader()) && live.contains(p.leader())) {
            return Optional.of(p.leader());
        }
        return replicas.stream().filter(id -> p.isr().contains(id) && live.contains(id)).findFirst();
    }

    private static TopicRejectedException refused(ErrorCode error, String topic, PartitionInfo p, String why) {
        return new TopicRejectedException(error, "Cannot reassign " + topic + "-" + p.partition() + ": " + why);
    }
}
