package dev.runnel.bus.group;

/**
 * One partition's offset to commit: the next offset the group will read.
 *
 * @param leaderEpoch -1 when unknown
 * @param metadata    the client's free-form string ("" when none)
 */
public record OffsetToCommit(String topic, int partition, long offset, int leaderEpoch, String metadata) {
}
