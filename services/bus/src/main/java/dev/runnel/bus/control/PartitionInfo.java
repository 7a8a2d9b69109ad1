package dev.runnel.bus.control;

import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.List;

/**
 * Where a partition lives.
 *
 * @param leader         broker id of the leading store, -1 when the partition is offline
 * @param leaderEpoch    grows with every leader election; stores fence requests and appends by it
 * @param replicas       broker ids, preferred leader first
 * @param isr            the in-sync replicas: the leader and the followers caught up with it
 * @param partitionEpoch grows with every change of leader or ISR, so the controller can reject an ISR
 *                       change decided on an older state (Kafka's partition epoch)
 */
public record PartitionInfo(int partition, int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr,
                            int partitionEpoch) {

    @JsonCreator
    public PartitionInfo {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /** A partition at partition epoch 0 (a new partition). */
    public PartitionInfo(int partition, int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr) {
        this(partition, leader, leaderEpoch, replicas, isr, 0);
    }

    /** This partition with a new ISR, at the next partition epoch. */
    public PartitionInfo withIsr(List<Integer> newIsr) {
        return new PartitionInfo(partition, leader, leaderEpoch, replicas, newIsr, partitionEpoch + 1);
    }

    /** This partition with a new leader (or -1) and ISR, at the next leader and partition epochs. */
    public PartitionInfo withLeader(int newLeader, List<Integer> newIsr) {
        return new PartitionInfo(partition, newLeader, leaderEpoch + 1, replicas, newIsr, partitionEpoch + 1);
    }
}
