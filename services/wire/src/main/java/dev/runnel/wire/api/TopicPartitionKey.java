package dev.runnel.wire.api;

/** A topic name and partition, as a map key for matching backend results to request entries. */
record TopicPartitionKey(String topic, int partition) {
}
