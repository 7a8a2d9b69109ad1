package dev.runnel.offsets;

import dev.runnel.offsets.core.Scheduler;
import io.vertx.core.Vertx;

import java.time.Duration;

/**
 * {@link Scheduler} on Vert.x timers. Called from the offset-service verticle's context, the timers fire on
 * that same context, which is the thread the coordinator is confined to.
 */
final class VertxScheduler implements Scheduler {
    private final Vertx vertx;

    VertxScheduler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        long id = vertx.setTimer(Math.max(1, delay.toMillis()), fired -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
