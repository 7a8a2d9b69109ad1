package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

/** The outcome for one partition of a group request. */
public record PartitionError(String topic, int partition, ErrorCode error) {
}
