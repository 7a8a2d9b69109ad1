package dev.runnel.bus.control;

import java.util.List;

/**
 * Where a partition lives.
 *
 * @param leader broker id of the leading store, -1 when the partition is offline
 * @param replicas broker ids, preferred leader first
 */
public record PartitionInfo(int partition, int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr) {
}
