package dev.runnel.bus.group;

import java.util.List;

/** The OffsetCommit answer: one outcome per partition, in request order. NONE means durable. */
public record OffsetCommitResult(List<PartitionError> partitions) {
}
