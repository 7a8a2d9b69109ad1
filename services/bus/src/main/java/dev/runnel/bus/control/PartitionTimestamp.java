package dev.runnel.bus.control;

/**
 * A ListOffsets query for one partition.
 *
 * @param timestamp {@link #EARLIEST}, {@link #LATEST}, {@link #MAX_TIMESTAMP} or a time in ms: the
 *                  earliest offset whose timestamp is at or after it
 */
public record PartitionTimestamp(String topic, int partition, long timestamp) {
    public static final long LATEST = -1;
    public static final long EARLIEST = -2;
    public static final long MAX_TIMESTAMP = -3;
}
