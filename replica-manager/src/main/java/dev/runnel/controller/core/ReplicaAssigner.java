package dev.runnel.controller.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Places partition replicas on stores, round-robin like Kafka without racks: partition {@code p}'s
 * replicas are the live stores starting at position {@code start + p} (stores in broker-id order), so
 * leaders (the first replica) spread evenly and the replicas of one partition are always distinct stores.
 * The start position comes from the topic name, so topics do not all lead on the same store, and growing
 * a topic continues its own pattern. Pure and thread-safe.
 */
public final class ReplicaAssigner {
    private ReplicaAssigner() {
    }

    /**
     * Replica lists for partitions {@code firstPartition .. firstPartition + count - 1}.
     *
     * @param liveStores broker ids of the live stores, in any order
     * @throws IllegalArgumentException when {@code replicationFactor} exceeds the live stores (validate first)
     */
    public static List<List<Integer>> assign(String topic, List<Integer> liveStores, int firstPartition, int count,
                                             int replicationFactor) {
        if (replicationFactor < 1 || replicationFactor > liveStores.size()) {
            throw new IllegalArgumentException("Cannot place " + replicationFactor + " replicas of " + topic
                    + " on " + liveStores.size() + " live stores " + liveStores);
        }
        List<Integer> stores = liveStores.stream().sorted().toList();
        int start = Math.floorMod(topic.hashCode(), stores.size());
        List<List<Integer>> assignment = new ArrayList<>(count);
        for (int p = firstPartition; p < firstPartition + count; p++) {
            List<Integer> replicas = new ArrayList<>(replicationFactor);
            for (int r = 0; r < replicationFactor; r++) {
                replicas.add(stores.get((start + p + r) % stores.size()));
            }
            assignment.add(List.copyOf(replicas));
        }
        return assignment;
    }
}
