package dev.runnel.bus.data;

import java.util.List;

/** One result per partition of the {@link ProduceRequest}, in any order. */
public record ProduceResponse(List<PartitionProduceResult> partitions) {
}
