package dev.runnel.store.core;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * Replication health as a store sees it, from the leadership of the partitions it holds: what it leads,
 * which of those lack in-sync followers, and whether an accepted ISR change shrank or grew the set.
 * Pure functions of metadata; the store's metrics read them at scrape time.
 */
public final class ReplicationHealth {

    /** What an accepted ISR change did. */
    public enum IsrChange {
        SHRINK, EXPAND, NONE
    }

    private ReplicationHealth() {
    }

    /** Partitions {@code brokerId} leads. */
    public static long led(Collection<Leadership> partitions, int brokerId) {
        return partitions.stream().filter(l -> l.isLeader(brokerId)).count();
    }

    /** Partitions {@code brokerId} leads whose ISR is smaller than their replica set. */
    public static long underReplicated(Collection<Leadership> partitions, int brokerId) {
        return partitions.stream().filter(l -> l.isLeader(brokerId) && isUnderReplicated(l)).count();
    }

    public static boolean isUnderReplicated(Leadership leadership) {
        return !new HashSet<>(leadership.isr()).containsAll(leadership.replicas());
    }

    /** A change from {@code before} to {@code after}: a lost member is a shrink, else a new one an expand. */
    public static IsrChange classify(List<Integer> before, List<Integer> after) {
        if (!new HashSet<>(after).containsAll(before)) {
            return IsrChange.SHRINK;
        }
        if (!new HashSet<>(before).containsAll(after)) {
            return IsrChange.EXPAND;
        }
        return IsrChange.NONE;
    }
}
