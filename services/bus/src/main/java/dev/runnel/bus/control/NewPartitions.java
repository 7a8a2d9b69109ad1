package dev.runnel.bus.control;

/** Grow a topic to {@code totalCount} partitions. */
public record NewPartitions(String name, int totalCount) {
}
