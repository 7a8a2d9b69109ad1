package dev.runnel.controller.core;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.function.Supplier;

/**
 * Runs asynchronous tasks one after the other: a task starts when the previous one's future completed
 * (success or failure). The controller's mutations go through one, so a decision is always taken on the
 * state the previous mutation left, even while PostgreSQL writes are in flight.
 *
 * <p>Thread-safety: none; use from one Vert.x context.
 */
public final class SerialExecutor {
    private Future<Void> tail = Future.succeededFuture();

    public <T> Future<T> submit(Supplier<Future<T>> task) {
        Promise<T> result = Promise.promise();
        tail = tail.transform(previous -> {
            Future<T> run;
            try {
                run = task.get();
            } catch (RuntimeException e) {
                run = Future.failedFuture(e);
            }
            run.onComplete(result);
            return run.transform(ignored -> Future.<Void>succeededFuture());
        });
        return result.future();
    }
}
