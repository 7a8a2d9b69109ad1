package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.PartitionProduceResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where acks=all produces wait for replication (Kafka's produce purgatory): an appended batch is answered
 * once the partition's high watermark passes it. Then, if the ISR has shrunk below min.insync.replicas
 * meanwhile, the answer is NOT_ENOUGH_REPLICAS_AFTER_APPEND (the batch is in the log, but less replicated
 * than asked). If this store stops leading the partition at the append's leader epoch, the answer is
 * NOT_LEADER_OR_FOLLOWER (the new leader may or may not have the batch: the idempotent producer's retry
 * finds out without duplicating it); after the request's timeout, REQUEST_TIMED_OUT.
 *
 * <p>Threads: {@link #check} runs on whichever thread moved the high watermark or the metadata; the
 * timer only fires expiries. Each waiter completes exactly once.
 */
public final class ProducePurgatory implements AutoCloseable {
    private final int brokerId;
    private final ScheduledExecutorService timer;
    private final Map<TopicPartition, Set<Waiter>> waiting = new ConcurrentHashMap<>();

    private final class Waiter {
        final Partition partition;
        final int leaderEpoch;
        final long requiredOffset;
        final PartitionProduceResult success;
        final CompletableFuture<PartitionProduceResult> result = new CompletableFuture<>();
        final AtomicBoolean done = new AtomicBoolean();
        volatile ScheduledFuture<?> timeout;

        Waiter(Partition partition, int leaderEpoch, long requiredOffset, PartitionProduceResult success) {
            this.partition = partition;
            this.leaderEpoch = leaderEpoch;
            this.requiredOffset = requiredOffset;
            this.success = success;
        }

        void tryComplete() {
            Leadership leadership = partition.leadership();
            if (partition.isClosed() || leadership.leader() != brokerId || leadership.leaderEpoch() != leaderEpoch) {
                finish(ErrorCode.NOT_LEADER_OR_FOLLOWER, "Broker " + brokerId + " no longer leads "
                        + partition.topicPartition() + " at leader epoch " + leaderEpoch);
            } else if (partition.log().highWatermark() >= requiredOffset) {
                int minIsr = partition.minInsyncReplicas();
                if (leadership.isr().size() < minIsr) {
                    finish(ErrorCode.NOT_ENOUGH_REPLICAS_AFTER_APPEND, "In-sync replicas " + leadership.isr() + " of "
                            + partition.topicPartition() + " fell below min.insync.replicas=" + minIsr + " after the append");
                } else {
                    complete(success);
                }
            }
        }

        void finish(ErrorCode error, String message) {
            complete(PartitionProduceResult.failed(success.topic(), success.partition(), error, message));
        }

        void complete(PartitionProduceResult answer) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
            waiting.computeIfPresent(partition.topicPartition(), (tp, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            result.complete(answer);
        }
    }

    public ProducePurgatory(int brokerId, ScheduledExecutorService timer) {
        this.brokerId = brokerId;
        this.timer = timer;
    }

    /**
     * Answers {@code success} once the high watermark of {@code partition} reaches {@code requiredOffset}
     * (the offset after the appended batch), or an error as described above.
     */
    public CompletableFuture<PartitionProduceResult> await(Partition partition, int leaderEpoch, long requiredOffset,
                                                           long timeoutMs, PartitionProduceResult success) {
        Waiter waiter = new Waiter(partition, leaderEpoch, requiredOffset, success);
        waiting.computeIfAbsent(partition.topicPartition(), tp -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.timeout = timer.schedule(() -> waiter.finish(ErrorCode.REQUEST_TIMED_OUT,
                "Replication of " + partition.topicPartition() + " up to offset " + requiredOffset + " took longer than "
                        + timeoutMs + " ms"), Math.max(1, timeoutMs), TimeUnit.MILLISECONDS);
        // the high watermark may have moved between the append and the registration
        waiter.tryComplete();
        return waiter.result;
    }

    /** The high watermark, ISR or leadership of {@code tp} changed: answer the produces that can be answered. */
    public void check(TopicPartition tp) {
        Set<Waiter> set = waiting.get(tp);
        if (set != null) {
            for (Waiter w : List.copyOf(set)) {
                w.tryComplete();
            }
        }
    }

    /** Re-checks every waiting produce (after metadata changed leaders). */
    public void checkAll() {
        List.copyOf(waiting.keySet()).forEach(this::check);
    }

    public int waitingCount() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    /** Answers every waiting produce NOT_LEADER_OR_FOLLOWER (on shutdown). */
    @Override
    public void close() {
        List<Waiter> all = new ArrayList<>();
        waiting.values().forEach(all::addAll);
        all.forEach(w -> w.finish(ErrorCode.NOT_LEADER_OR_FOLLOWER, "The store is shutting down"));
    }
}
