package dev.runnel.controller.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places partition replicas on stores, round-robin like Kafka: partition {@code p}'s replicas are the live
 * stores starting at position {@code start + p} of an ordered store list, so leaders (the first replica)
 * spread evenly and the replicas of one partition are always distinct stores. The start position comes
 * from the topic name, so topics do not all lead on the same store, and growing a topic continues its own
 * pattern.
 *
 * <p>Rack-aware (when stores report {@code runnel.store.rack}): the list alternates racks — the first store
 * of each rack, then the second of each, and so on (racks and stores in name and id order; stores without
 * a rack form one rack of their own) — so consecutive stores, and with it the replicas of a partition, sit
 * on different racks whenever there are at least as many racks as replicas and the racks are about the
 * same size (Kafka's rack-alternated broker list). Without racks the list is simply broker-id order.
 * Pure and thread-safe.
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
        return assign(topic, liveStores, Map.of(), firstPartition, count, replicationFactor);
    }

    /**
     * As {@link #assign(String, List, int, int, int)}, spreading each partition's replicas over racks.
     *
     * @param racks the rack of each store that has one
     */
    public static List<List<Integer>> assign(String topic, List<Integer> liveStores, Map<Integer, String> racks,
                                             int firstPartition, int count, int replicationFactor) {
        if (replicationFactor < 1 || replicationFactor > liveStores.size()) {
            throw new IllegalArgumentException("Cannot place " + replicationFactor + " replicas of " + topic
                    + " on " + liveStores.size() + " live stores " + liveStores);
        }
        List<Integer> stores = rackAlternated(liveStores, racks);
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

    /** The stores in broker-id order, or, when some have racks, alternating racks. */
    static List<Integer> rackAlternated(List<Integer> liveStores, Map<Integer, String> racks) {
        List<Integer> sorted = liveStores.stream().sorted().toList();
        if (sorted.stream().noneMatch(racks::containsKey)) {
            return sorted;
        }
        Map<String, List<Integer>> byRack = new TreeMap<>();
        for (int id : sorted) {
            byRack.computeIfAbsent(racks.getOrDefault(id, ""), r -> new ArrayList<>()).add(id);
        }
        List<Integer> alternated = new ArrayList<>(sorted.size());
        for (int round = 0; alternated.size() < sorted.size(); round++) {
            for (List<Integer> rack : byRack.values()) {
                if (round < rack.size()) {
                    alternated.add(rack.get(round));
                }
            }
        }
        return alternated;
    }
}
