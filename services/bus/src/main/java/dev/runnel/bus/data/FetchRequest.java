package dev.runnel.bus.data;

import java.util.List;

/**
 * Read partitions led by one store. The store answers as soon as it has {@code minBytes} in total, or
 * after {@code maxWaitMs} with whatever it has (a Kafka long poll).
 *
 * @param maxBytes at most this many bytes in the whole response (first batch excepted, as in Kafka)
 */
public record FetchRequest(int maxWaitMs, int minBytes, int maxBytes, List<PartitionFetch> partitions) {
}
