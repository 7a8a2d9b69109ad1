package dev.runnel.bus.control;

import java.util.List;

/**
 * A partition whose replicas are moving: {@code replicas} is the full current list (the target first, then
 * the replicas being removed), as in Kafka's ListPartitionReassignments.
 */
public record OngoingReassignment(String topic, int partition, List<Integer> replicas, List<Integer> addingReplicas,
                                  List<Integer> removingReplicas) {
}
