package dev.runnel.bus.control;

import dev.runnel.bus.group.TopicPartitionRef;

import java.util.List;

/**
 * {@code ListPartitionReassignments}.
 *
 * @param partitions the partitions to report on; null for every partition being reassigned
 */
public record ListReassignmentsRequest(List<TopicPartitionRef> partitions) {
}
