package dev.runnel.store.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the leader of one partition knows of its followers (Kafka's per-replica state on the leader): each
 * follower's log end offset, as its last fetch offset said, and the last time it was caught up. It is
 * reset whenever the leader epoch changes, so a new leader learns its followers afresh; until a follower
 * has fetched, its log end is unknown and the high watermark cannot pass it.
 *
 * <p>Caught up (as in Kafka): a fetch at or above the leader's log end at that moment, or at or above the
 * leader's log end at the follower's previous fetch (then it was caught up at that previous fetch).
 *
 * <p>Also holds the ISR change this leader has asked the controller for and not yet heard back about:
 * one at a time per partition.
 *
 * <p>Thread-safety: every method is synchronized; fetch handlers, the ISR check and the produce path call
 * it from different threads.
 */
public final class ReplicaProgress {
    private record Follower(long logEndOffset, long lastCaughtUpMs, long lastFetchMs, long leaderEndAtLastFetch) {
    }

    private int leaderEpoch = -1;
    private long epochStartOffset;
    private long epochStartMs;
    private final Map<Integer, Follower> followers = new HashMap<>();
    private Optional<List<Integer>> pendingIsr = Optional.empty();

    /** Starts over when the leader epoch differs from the one tracked. */
    synchronized void ensureEpoch(int epoch, long leaderLogEnd, long nowMs) {
        if (epoch != leaderEpoch) {
            leaderEpoch = epoch;
            epochStartOffset = leaderLogEnd;
            epochStartMs = nowMs;
            followers.clear();
            pendingIsr = Optional.empty();
        }
    }

    /** Records a follower's fetch at {@code fetchOffset} (its log end) while the leader's log ends at {@code leaderLogEnd}. */
    synchronized void onFetch(int replicaId, long fetchOffset, long leaderLogEnd, long nowMs) {
        Follower previous = followers.get(replicaId);
        long caughtUp = previous == null ? epochStartMs : previous.lastCaughtUpMs();
        if (fetchOffset >= leaderLogEnd) {
            caughtUp = nowMs;
        } else if (previous != null && fetchOffset >= previous.leaderEndAtLastFetch()) {
            caughtUp = Math.max(caughtUp, previous.lastFetchMs());
        }
        followers.put(replicaId, new Follower(fetchOffset, caughtUp, nowMs, leaderLogEnd));
    }

    /** The follower's log end offset as last reported, empty before its first fetch in this epoch. */
    public synchronized OptionalLong logEndOffset(int replicaId) {
        Follower f = followers.get(replicaId);
        return f == null ? OptionalLong.empty() : OptionalLong.of(f.logEndOffset());
    }

    /** When the follower was last caught up; the epoch's start for a follower not heard from in this epoch. */
    public synchronized long lastCaughtUpMs(int replicaId) {
        Follower f = followers.get(replicaId);
        return f == null ? epochStartMs : f.lastCaughtUpMs();
    }

    /** The leader's log end when it took this epoch: a follower must reach it to join the ISR. */
    public synchronized long epochStartOffset() {
        return epochStartOffset;
    }

    /**
     * The smallest log end among {@code isr} (the leader counts with {@code leaderLogEnd}); empty while
     * some in-sync follower has not fetched in this epoch.
     */
    synchronized OptionalLong minLogEnd(int leaderId, List<Integer> isr, long leaderLogEnd) {
        long min = leaderLogEnd;
        for (int id : isr) {
            if (id == leaderId) {
                continue;
            }
            Follower f = followers.get(id);
            if (f == null) {
                return OptionalLong.empty();
            }
            min = Math.min(min, f.logEndOffset());
        }
        return OptionalLong.of(min);
    }

    /** Marks an ISR change as sent; false when one is already in flight. */
    synchronized boolean beginIsrChange(List<Integer> proposed) {
        if (pendingIsr.isPresent()) {
            return false;
        }
        pendingIsr = Optional.of(List.copyOf(proposed));
        return true;
    }

    synchronized void endIsrChange() {
        pendingIsr = Optional.empty();
    }

    /** The ISR change in flight, if any. */
    public synchronized Optional<List<Integer>> pendingIsr() {
        return pendingIsr;
    }
}
