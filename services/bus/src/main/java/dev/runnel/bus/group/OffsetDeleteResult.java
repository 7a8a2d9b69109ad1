package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

import java.util.List;

/** The OffsetDelete answer: a group-level error, else one outcome per partition. */
public record OffsetDeleteResult(ErrorCode error, List<PartitionError> partitions) {
}
