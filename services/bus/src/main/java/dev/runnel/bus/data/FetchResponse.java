package dev.runnel.bus.data;

import java.util.List;

/** One result per partition of the {@link FetchRequest}, in request order. */
public record FetchResponse(List<PartitionFetchResult> partitions) {
}
