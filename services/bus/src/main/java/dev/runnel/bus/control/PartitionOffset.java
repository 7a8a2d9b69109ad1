package dev.runnel.bus.control;

import dev.runnel.bus.ErrorCode;

/**
 * A ListOffsets answer: {@code offset} -1 and {@code timestamp} -1 when no record is at or after the
 * requested time (Kafka's answer too).
 */
public record PartitionOffset(String topic, int partition, ErrorCode error, long timestamp, long offset,
                              int leaderEpoch) {
}
