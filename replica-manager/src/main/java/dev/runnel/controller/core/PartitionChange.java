package dev.runnel.controller.core;

import dev.runnel.bus.control.PartitionInfo;

/** A partition's new leader, epochs and ISR, to persist and publish. */
public record PartitionChange(String topic, PartitionInfo partition) {
}
