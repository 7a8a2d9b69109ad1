package dev.runnel.store.core;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A parked fetch (Kafka's long poll): it waits in the {@link FetchPurgatory} until an append to one of
 * its partitions lets a re-read reach {@code minBytes}, or until it expires and answers with whatever
 * there is then. Completes exactly once.
 *
 * <p>Thread-safety: {@link #tryComplete} and {@link #expire} may race from any threads; a flag decides
 * which completes. Both read the log, so both run on a reader thread, never on an event loop.
 */
public final class DelayedFetch<R> {
    private final Set<TopicPartition> partitions;
    private final int minBytes;
    private final Supplier<FetchOutcome<R>> read;
    private final CompletableFuture<R> result = new CompletableFuture<>();
    private final AtomicBoolean completed = new AtomicBoolean();

    public DelayedFetch(Set<TopicPartition> partitions, int minBytes, Supplier<FetchOutcome<R>> read) {
        this.partitions = Set.copyOf(partitions);
        this.minBytes = minBytes;
        this.read = read;
    }

    public Set<TopicPartition> partitions() {
        return partitions;
    }

    public CompletableFuture<R> result() {
        return result;
    }

    public boolean isCompleted() {
        return completed.get();
    }

    /** Re-reads and completes when the read satisfies minBytes. Returns whether this fetch is completed. */
    public boolean tryComplete() {
        if (completed.get()) {
            return true;
        }
        FetchOutcome<R> outcome;
        try {
            outcome = read.get();
        } catch (RuntimeException e) {
            if (completed.compareAndSet(false, true)) {
                result.completeExceptionally(e);
            }
            return true;
        }
        if (outcome.satisfies(minBytes) && completed.compareAndSet(false, true)) {
            result.complete(outcome.response());
        }
        return completed.get();
    }

    /** The wait is over: answer with a final read, whatever its size. */
    public void expire() {
        if (!completed.compareAndSet(false, true)) {
            return;
        }
        try {
            result.complete(read.get().response());
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }
}
