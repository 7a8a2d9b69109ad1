package dev.runnel.bus.control;

import java.util.List;

/**
 * A partition leader asks the replica-manager to change the partition's in-sync replicas (Kafka's
 * AlterPartition): to drop followers that lag or to add one that caught up. The controller accepts it only
 * from the current leader at the current leader epoch and only when {@code partitionEpoch} is the current
 * one, so a change decided on stale metadata is refused rather than applied.
 *
 * @param brokerId the leader asking
 */
public record AlterPartitionRequest(int brokerId, String topic, int partition, int leaderEpoch, int partitionEpoch,
                                    List<Integer> newIsr) {
}
