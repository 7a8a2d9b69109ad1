package dev.runnel.store.core;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs tasks one at a time, in submission order, on threads borrowed from a shared pool. One per
 * partition: appends, retention and close of a partition never overlap and keep their order, while
 * different partitions run in parallel. No thread is held while the queue is empty.
 *
 * <p>Thread-safe. A task that throws completes its future exceptionally; the queue goes on.
 */
public final class OrderedExecutor {
    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public OrderedExecutor(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code task} after every task submitted before it. */
    public <T> CompletableFuture<T> submit(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void enqueue(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            next.run();
        }
    }
}
