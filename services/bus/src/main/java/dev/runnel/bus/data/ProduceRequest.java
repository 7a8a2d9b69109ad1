package dev.runnel.bus.data;

import java.util.List;

/**
 * Append record batches to partitions led by one store.
 *
 * @param acks 0, 1 or -1 (all in-sync replicas), as in Kafka
 * @param timeoutMs how long the store may wait for replication before answering REQUEST_TIMED_OUT
 */
public record ProduceRequest(short acks, int timeoutMs, List<PartitionRecords> partitions) {
}
