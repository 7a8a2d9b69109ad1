package dev.runnel.bus.control;

import java.util.List;

/** The reassignments in progress among the partitions asked about, by topic and partition. */
public record ListReassignmentsResult(List<OngoingReassignment> reassignments) {
}
