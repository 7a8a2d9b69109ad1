package dev.runnel.controller.core;

import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Plans partition moves that spread replicas, and preferred leaders, evenly over the stores of the pool,
 * moving as few replicas as it can. Pure and thread-safe.
 *
 * <ol>
 *   <li>Drain: a replica on a store outside the pool is replaced by the pool store with the fewest
 *       replicas that does not hold the partition yet.</li>
 *   <li>Even out: while the fullest store holds two replicas more than the emptiest, one replica of a
 *       partition the emptiest lacks moves from the fullest to the emptiest.</li>
 *   <li>Leaders: while one store is the preferred leader (first replica) of two partitions more than
 *       another that also holds one of them, that replica moves to the front; the controller's preferred
 *       leader election then moves leadership.</li>
 * </ol>
 * A balanced cluster plans nothing, so running it again after the moves finished is a no-op. Partitions
 * being reassigned count with their target replicas and are not planned again until they finish.
 */
public final class ReplicaBalancer {
    private ReplicaBalancer() {
    }

    /** One partition's new replica list. */
    public record Move(String topic, int partition, List<Integer> targetReplicas) {
    }

    /**
     * @param pool the stores that should hold replicas (live ones only: the caller waits for the others)
     * @return the moves, partitions being drained first, in topic and partition order otherwise
     */
    public static List<Move> plan(Collection<TopicInfo> topics, Set<Integer> pool) {
        Map<Integer, Integer> replicas = new TreeMap<>();
        Map<Integer, Integer> leaders = new TreeMap<>();
        pool.forEach(id -> {
            replicas.put(id, 0);
            leaders.put(id, 0);
        });
        List<Planned> planned = new ArrayList<>();
        for (TopicInfo topic : topics) {
            for (PartitionInfo p : topic.partitions()) {
                Planned entry = new Planned(topic.name(), p, new ArrayList<>(p.targetReplicas()));
                planned.add(entry);
                entry.target.stream().filter(pool::contains).forEach(id -> replicas.merge(id, 1, Integer::sum));
            }
        }
        for (Planned entry : planned) {
            if (!entry.movable()) {
                continue;
            }
            for (int i = 0; i < entry.target.size(); i++) {
                if (pool.contains(entry.target.get(i))) {
                    continue;
                }
                int slot = i;
                storeWith(replicas, Comparator.naturalOrder(), id -> !entry.target.contains(id)).ifPresent(id -> {
                    entry.target.set(slot, id);
                    replicas.merge(id, 1, Integer::sum);
                });
            }
        }
        evenOutReplicas(planned, replicas);
        planned.forEach(entry -> {
            if (!entry.target.isEmpty() && pool.contains(entry.target.get(0))) {
                leaders.merge(entry.target.get(0), 1, Integer::sum);
            }
        });
        evenOutLeaders(planned, leaders);
        return planned.stream()
                .filter(entry -> entry.movable() && !entry.target.equals(entry.partition.replicas()))
                .sorted(Comparator.comparing((Planned entry) -> !entry.drains(pool)))
                .map(entry -> new Move(entry.topic, entry.partition.partition(), List.copyOf(entry.target)))
                .toList();
    }

    private static final class Planned {
        final String topic;
        final PartitionInfo partition;
        final List<Integer> target;

        Planned(String topic, PartitionInfo partition, List<Integer> target) {
            this.topic = topic;
            this.partition = partition;
            this.target = target;
        }

        boolean movable() {
            return !partition.isReassigning();
        }

        boolean drains(Set<Integer> pool) {
            return !pool.containsAll(partition.replicas());
        }
    }

    /** Moves one replica at a time from the fullest store to the emptiest one that lacks its partition. */
    private static void evenOutReplicas(List<Planned> planned, Map<Integer, Integer> replicas) {
        evenOut(replicas, (fullest, emptiest) -> planned.stream()
                .filter(e -> e.movable() && e.target.contains(fullest) && !e.target.contains(emptiest))
                .findFirst()
                .map(e -> {
                    e.target.set(e.target.indexOf(fullest), emptiest);
                    return true;
                })
                .orElse(false));
    }

    /** Moves to the front, one partition at a time, a replica of the store leading the fewest partitions. */
    private static void evenOutLeaders(List<Planned> planned, Map<Integer, Integer> leaders) {
        evenOut(leaders, (most, fewest) -> planned.stream()
                .filter(e -> e.movable() && !e.target.isEmpty() && e.target.get(0).equals(most) && e.target.contains(fewest))
                .findFirst()
                .map(e -> {
                    e.target.remove(fewest);
                    e.target.add(0, fewest);
                    return true;
                })
                .orElse(false));
    }

    /**
     * While the store with the most of something has two more than the one with the fewest, {@code shift}
     * moves one from the first to the second, returning false when nothing can move.
     */
    private static void evenOut(Map<Integer, Integer> counts, BiPredicate<Integer, Integer> shift) {
        while (!counts.isEmpty()) {
            int most = storeWith(counts, Comparator.reverseOrder(), id -> true).orElseThrow();
            int fewest = storeWith(counts, Comparator.naturalOrder(), id -> true).orElseThrow();
            if (counts.get(most) - counts.get(fewest) <= 1 || !shift.test(most, fewest)) {
                return;
            }
            counts.merge(most, -1, Integer::sum);
            counts.merge(fewest, 1, Integer::sum);
        }
    }

    /** The eligible store whose count comes first in {@code order}; ties go to the lowest broker id. */
    private static Optional<Integer> storeWith(Map<Integer, Integer> counts, Comparator<Integer> order, Predicate<Integer> eligible) {
        return counts.entrySet().stream().filter(e -> eligible.test(e.getKey()))
                .min(Map.Entry.<Integer, Integer>comparingByValue(order).thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }
}
