package dev.runnel.store.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where fetches that found too little wait (Kafka's fetch purgatory): consumer fetches, which wait for
 * the high watermark to move, and follower fetches, which wait for appends. A parked {@link DelayedFetch} is
 * watched under each of its partitions; {@link #onAppend} re-checks the fetches watching that partition,
 * and a timer expires each one after its maxWaitMs.
 *
 * <p>Threads: re-reads and expiries run on the reader pool, the timer only hands them over.
 * Backpressure: at most {@code maxParked} fetches wait at once; beyond that a fetch is answered at once
 * with what it found, so a flood of idle consumers cannot grow the purgatory without bound.
 */
public final class FetchPurgatory implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Executor readers;
    private final int maxParked;
    private final Map<TopicPartition, Set<DelayedFetch<?>>> watchers = new ConcurrentHashMap<>();
    private final Set<DelayedFetch<?>> parked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger parkedCount = new AtomicInteger();

    public FetchPurgatory(ScheduledExecutorService timer, Executor readers, int maxParked) {
        this.timer = timer;
        this.readers = readers;
        this.maxParked = maxParked;
    }

    /**
     * A Kafka long poll: reads once on {@code readers} and answers at once when the fetch does not wait or
     * already has {@code minBytes}; otherwise parks it (see {@link #park}).
     */
    public <R> CompletableFuture<R> readOrPark(Set<TopicPartition> partitions, int minBytes, long maxWaitMs,
                                               Supplier<FetchOutcome<R>> read, Executor readers) {
        return CompletableFuture.supplyAsync(read, readers).thenCompose(first ->
                maxWaitMs <= 0 || first.satisfies(minBytes)
                        ? CompletableFuture.completedFuture(first.response())
                        : park(partitions, minBytes, maxWaitMs, first, read));
    }

    /**
     * Parks a fetch until {@code read} finds {@code minBytes} after an append to one of {@code partitions},
     * or until {@code maxWaitMs} pass. {@code firstOutcome} answers at once when the purgatory is full.
     */
    public <R> CompletableFuture<R> park(Set<TopicPartition> partitions, int minBytes, long maxWaitMs,
                                         FetchOutcome<R> firstOutcome, Supplier<FetchOutcome<R>> read) {
        if (parkedCount.incrementAndGet() > maxParked) {
            parkedCount.decrementAndGet();
            return CompletableFuture.completedFuture(firstOutcome.response());
        }
        DelayedFetch<R> fetch = new DelayedFetch<>(partitions, minBytes, read);
        parked.add(fetch);
        for (TopicPartition tp : fetch.partitions()) {
            watchers.compute(tp, (key, set) -> {
                Set<DelayedFetch<?>> watching = set != null ? set : ConcurrentHashMap.newKeySet();
                watching.add(fetch);
                return watching;
            });
        }
        ScheduledFuture<?> timeout = timer.schedule(() -> readers.execute(fetch::expire), maxWaitMs, TimeUnit.MILLISECONDS);
        fetch.result().whenComplete((response, failure) -> {
            timeout.cancel(false);
            unwatch(fetch);
        });
        // an append may have landed between the first read and the watch: check once more
        readers.execute(fetch::tryComplete);
        return fetch.result();
    }

    /** New records may be readable in {@code tp} (an append, or a higher high watermark): re-check the fetches waiting for it. */
    public void onAppend(TopicPartition tp) {
        Set<DelayedFetch<?>> watching = watchers.get(tp);
        if (watching == null) {
            return;
        }
        for (DelayedFetch<?> fetch : watching) {
            readers.execute(fetch::tryComplete);
        }
    }

    /** Fetches waiting now. */
    public int parkedCount() {
        return parkedCount.get();
    }

    /** Answers every waiting fetch now (on shutdown). */
    @Override
    public void close() {
        List<DelayedFetch<?>> waiting = new ArrayList<>(parked);
        waiting.forEach(DelayedFetch::expire);
    }

    private void unwatch(DelayedFetch<?> fetch) {
        if (!parked.remove(fetch)) {
            return;
        }
        parkedCount.decrementAndGet();
        for (TopicPartition tp : fetch.partitions()) {
            watchers.computeIfPresent(tp, (key, set) -> {
                set.remove(fetch);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
