package dev.runnel.offsets.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock that only moves when told, and a scheduler that runs due tasks as it moves: tests drive timeouts. */
final class ManualTime extends Clock implements Scheduler {
    private record Task(long dueMs, long seq, Runnable action, boolean[] cancelled) {
    }

    private long nowMs = 1_700_000_000_000L;
    private long seq;
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        tasks.add(new Task(nowMs + delay.toMillis(), seq++, action, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time forward, running every task that falls due on the way, in due order. */
    void advance(Duration by) {
        long target = nowMs + by.toMillis();
        while (true) {
            Task next = tasks.stream().filter(t -> !t.cancelled()[0] && t.dueMs() <= target)
                    .min(Comparator.comparingLong(Task::dueMs).thenComparingLong(Task::seq)).orElse(null);
            if (next == null) {
                break;
            }
            tasks.remove(next);
            nowMs = Math.max(nowMs, next.dueMs());
            next.action().run();
        }
        tasks.removeIf(t -> t.cancelled()[0]);
        nowMs = target;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(nowMs);
    }

    @Override
    public long millis() {
        return nowMs;
    }
}
