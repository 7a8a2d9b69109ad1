package dev.runnel.controller.core;

import java.util.Collection;
import java.util.SortedSet;

/**
 * Progress of the store pool (see {@link Controller#storePool}).
 *
 * @param pool             the stores partitions should live on
 * @param missing          pool stores not alive (yet)
 * @param holdingOutside   stores outside the pool that still hold replicas: they cannot go until this is empty
 * @param moving           partitions being reassigned
 * @param balanced         nothing to move: every pool store is alive and replicas and leaders are even
 */
public record StorePoolStatus(SortedSet<Integer> pool, SortedSet<Integer> missing, SortedSet<Integer> holdingOutside,
                              int moving, boolean balanced) {

    /** Whether every store in {@code doomed} can be removed now: none holds a replica. */
    public boolean drained(Collection<Integer> doomed) {
        return moving == 0 && doomed.stream().noneMatch(holdingOutside::contains);
    }
}
