package dev.runnel.bus.control;

import java.util.List;

/** One result per partition of an {@link AlterReassignmentsRequest}, in request order. */
public record AlterReassignmentsResult(List<ReassignmentResult> partitions) {
}
