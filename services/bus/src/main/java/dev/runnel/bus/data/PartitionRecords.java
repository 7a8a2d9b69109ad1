package dev.runnel.bus.data;

import io.vertx.core.buffer.Buffer;

/**
 * One partition's share of a produce: Kafka v2 record batches exactly as the client sent them.
 *
 * @param leaderEpoch the leader epoch the sender believes current, or -1 for "don't check"
 */
public record PartitionRecords(String topic, int partition, int leaderEpoch, Buffer records) {
}
