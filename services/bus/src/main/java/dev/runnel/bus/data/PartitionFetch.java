package dev.runnel.bus.data;

/**
 * Read one partition from an offset.
 *
 * @param currentLeaderEpoch the leader epoch the reader believes current, or -1 for "don't check"
 * @param maxBytes at most this many bytes for this partition (at least one whole batch is returned if
 *                 the first batch is larger, as Kafka does, so a consumer always makes progress)
 */
public record PartitionFetch(String topic, int partition, long fetchOffset, int maxBytes, int currentLeaderEpoch) {
}
