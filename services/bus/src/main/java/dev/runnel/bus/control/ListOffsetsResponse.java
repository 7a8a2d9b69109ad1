package dev.runnel.bus.control;

import java.util.List;

public record ListOffsetsResponse(List<PartitionOffset> partitions) {
}
