package dev.runnel.offsets.core;

import java.time.Duration;

/**
 * Runs a task once after a delay, on the coordinator's own thread (the offset-service's event loop; in
 * tests, whoever advances the manual clock). Session and rebalance timeouts go through it, so tests drive
 * them without sleeping.
 */
public interface Scheduler {

    /** A scheduled task that has not necessarily run yet. */
    interface Cancellable {
        /** Stops the task if it has not run; harmless afterwards. */
        void cancel();
    }

    Cancellable schedule(Duration delay, Runnable task);
}
