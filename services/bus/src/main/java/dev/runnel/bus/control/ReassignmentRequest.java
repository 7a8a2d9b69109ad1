package dev.runnel.bus.control;

import java.util.List;

/**
 * Move one partition's replicas (Kafka's AlterPartitionReassignments): the target replica list, preferred
 * leader first, or null to cancel the reassignment in progress (back to the replicas before it began).
 */
public record ReassignmentRequest(String topic, int partition, List<Integer> targetReplicas) {
}
