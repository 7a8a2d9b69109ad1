package dev.runnel.bus.control;

import java.util.List;

/** {@code AlterPartitionReassignments}: partitions to move (or to stop moving). */
public record AlterReassignmentsRequest(List<ReassignmentRequest> partitions) {
}
