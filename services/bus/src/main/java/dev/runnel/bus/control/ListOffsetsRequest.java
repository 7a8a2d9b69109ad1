package dev.runnel.bus.control;

import java.util.List;

/** ListOffsets for partitions led by one store. */
public record ListOffsetsRequest(List<PartitionTimestamp> partitions) {
}
