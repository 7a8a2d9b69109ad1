package dev.runnel.bus.data;

import java.util.List;

/** One result per partition of the {@link ReplicaFetchRequest}, in request order. */
public record ReplicaFetchResponse(List<ReplicaPartitionData> partitions) {
}
