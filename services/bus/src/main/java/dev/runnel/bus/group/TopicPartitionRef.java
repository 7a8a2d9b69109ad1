package dev.runnel.bus.group;

/** A topic partition named in a group request. */
public record TopicPartitionRef(String topic, int partition) {
}
