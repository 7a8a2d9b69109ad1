package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.ReplicaFetchRequest;
import dev.runnel.bus.data.ReplicaFetchResponse;
import dev.runnel.bus.data.ReplicaPartitionData;
import dev.runnel.bus.data.ReplicaPartitionFetch;
import dev.runnel.log.EpochEndOffset;
import dev.runnel.log.LogException;
import dev.runnel.log.PartitionLog;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The follower's side of replication: one fetch loop per leading store, pulling every partition this store
 * follows from that leader in one long-polling {@link ReplicaFetchRequest} at a time (Kafka's replica
 * fetcher thread, as a chain of asynchronous requests rather than a thread).
 *
 * <p>Each response is applied on the partition's ordered queue: records are appended as they are
 * ({@code appendAsFollower}: the leader's offsets and epochs), the high watermark follows the leader's up
 * to this log's end and never moves back; a divergence makes this log truncate to the smaller of the
 * leader's end of the named epoch and its own end of that epoch (KIP-279), after which the next fetch
 * checks again; OFFSET_OUT_OF_RANGE truncates to the leader's log end, or restarts the log at the
 * leader's log start when this one is below it. A response is ignored when the partition's leadership or
 * log end changed since the request was built.
 *
 * <p>A loop ends when this store follows nothing from that leader; {@link #ensureFetching} (called after
 * every metadata change and periodically) starts the loops that are missing. A failed request (the leader
 * is gone, or not there yet) is retried after the backoff.
 */
public final class ReplicaFetcher implements AutoCloseable {
    private static final Logger LOG = System.getLogger(ReplicaFetcher.class.getName());

    /** Sends a replica fetch to the store with {@code leaderId}. */
    @FunctionalInterface
    public interface Transport {
        CompletableFuture<ReplicaFetchResponse> fetch(int leaderId, ReplicaFetchRequest request);
    }

    /**
     * @param maxWaitMs          how long the leader may hold a fetch that finds nothing (replica.fetch.wait.max.ms)
     * @param maxBytes           per request (replica.fetch.response.max.bytes)
     * @param partitionMaxBytes  per partition (replica.fetch.max.bytes)
     * @param backoffMs          pause after a failed request (replica.fetch.backoff.ms)
     */
    public record Settings(int maxWaitMs, int maxBytes, int partitionMaxBytes, long backoffMs) {
        public static Settings defaults() {
            return new Settings(500, 10 << 20, 1 << 20, 500);
        }
    }

    private record Sent(Partition partition, Leadership leadership, long logEnd) {
    }

    private final int brokerId;
    private final PartitionRegistry registry;
    private final Transport transport;
    private final ScheduledExecutorService timer;
    private final Executor pool;
    private final Settings settings;
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ReplicaFetcher(PartitionRegistry registry, Transport transport, ScheduledExecutorService timer, Executor pool,
                          Settings settings) {
        this.brokerId = registry.brokerId();
        this.registry = registry;
        this.transport = transport;
        this.timer = timer;
        this.pool = pool;
        this.settings = settings;
    }

    /** Starts a fetch loop for each leader this store follows a partition of and has no loop for. */
    public void ensureFetching() {
        if (closed) {
            return;
        }
        Set<Integer> leaders = registry.partitions().stream()
                .filter(p -> !p.isClosed() && p.leadership().isFollower(brokerId))
                .map(p -> p.leadership().leader())
                .collect(Collectors.toSet());
        for (int leader : leaders) {
            if (running.add(leader)) {
                pool.execute(() -> fetchFrom(leader));
            }
        }
    }

    /** Leaders with a running fetch loop. */
    public Set<Integer> fetchingFrom() {
        return Set.copyOf(running);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void fetchFrom(int leaderId) {
        if (closed) {
            running.remove(leaderId);
            return;
        }
        Map<TopicPartition, Sent> sent = new java.util.LinkedHashMap<>();
        List<ReplicaPartitionFetch> fetches = new ArrayList<>();
        for (Partition p : registry.partitions()) {
            Leadership leadership = p.leadership();
            if (p.isClosed() || !leadership.isFollower(brokerId) || leadership.leader() != leaderId) {
                continue;
            }
            PartitionLog log = p.log();
            long logEnd = log.logEndOffset();
            int lastEpoch = log.leaderEpochs().latestEpoch().orElse(-1);
            sent.put(p.topicPartition(), new Sent(p, leadership, logEnd));
            fetches.add(new ReplicaPartitionFetch(p.topicPartition().topic(), p.topicPartition().partition(), logEnd,
                    lastEpoch, leadership.leaderEpoch(), settings.partitionMaxBytes()));
        }
        if (fetches.isEmpty()) {
            running.remove(leaderId);
            return;
        }
        ReplicaFetchRequest request = new ReplicaFetchRequest(brokerId, settings.maxWaitMs(), 1, settings.maxBytes(), fetches);
        CompletableFuture<ReplicaFetchResponse> response;
        try {
            response = transport.fetch(leaderId, request);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((reply, failure) -> {
            if (failure != null) {
                LOG.log(Level.DEBUG, "Replica fetch from store " + leaderId + " failed: " + failure.getMessage());
                next(leaderId, true);
                return;
            }
            List<CompletableFuture<Boolean>> applied = new ArrayList<>();
            for (ReplicaPartitionData data : reply.partitions()) {
                Sent s = sent.get(new TopicPartition(data.topic(), data.partition()));
                if (s != null) {
                    applied.add(s.partition().runOrdered(() -> apply(s, data)).exceptionally(e -> {
                        LOG.log(Level.WARNING, "Applying replicated data to " + s.partition().topicPartition() + " failed",
                                LogErrors.unwrap(e));
                        return false;
                    }));
                }
            }
            CompletableFuture.allOf(applied.toArray(CompletableFuture[]::new)).whenComplete((done, ignored) ->
                    next(leaderId, applied.stream().noneMatch(CompletableFuture::join)));
        });
    }

    private void next(int leaderId, boolean backOff) {
        if (closed) {
            running.remove(leaderId);
        } else if (backOff) {
            timer.schedule(() -> pool.execute(() -> fetchFrom(leaderId)), settings.backoffMs(), TimeUnit.MILLISECONDS);
        } else {
            pool.execute(() -> fetchFrom(leaderId));
        }
    }

    /** Runs on the partition's ordered queue. Returns whether the partition made progress or is fine (false: back off). */
    private boolean apply(Sent sent, ReplicaPartitionData data) {
        Partition p = sent.partition();
        if (p.isClosed()) {
            return false;
        }
        Leadership now = p.leadership();
        PartitionLog log = p.log();
        if (now.leader() != sent.leadership().leader() || now.leaderEpoch() != sent.leadership().leaderEpoch()
                || log.logEndOffset() != sent.logEnd()) {
            return true; // things moved on since the request was built: the next fetch starts from the new state
        }
        try {
            if (data.error() == ErrorCode.OFFSET_OUT_OF_RANGE) {
                return handleOutOfRange(p, log, data);
            }
            if (data.error() != ErrorCode.NONE) {
                LOG.log(Level.DEBUG, "Store {0} answered {1} for {2}", now.leader(), data.error(), p.topicPartition());
                return false;
            }
            if (data.diverged()) {
                return truncateToDivergence(p, log, data);
            }
            if (data.records().length() > 0) {
                log.appendAsFollower(ProduceHandler.ownedBuffer(data.records()));
            }
            long highWatermark = Math.min(data.highWatermark(), log.logEndOffset());
            if (highWatermark > log.highWatermark()) {
                log.updateHighWatermark(highWatermark);
            }
            return true;
        } catch (LogException e) {
            LOG.log(Level.WARNING, "Cannot apply data replicated from store " + now.leader() + " to " + p.topicPartition(), e);
            return false;
        }
    }

    private static boolean handleOutOfRange(Partition p, PartitionLog log, ReplicaPartitionData data) {
        if (data.logEndOffset() >= 0 && log.logEndOffset() > data.logEndOffset()) {
            LOG.log(Level.INFO, "{0} ends at {1}, beyond the leader''s log end {2}: truncating", p.topicPartition(),
                    log.logEndOffset(), data.logEndOffset());
            log.truncateTo(data.logEndOffset());
            return true;
        }
        if (data.logStartOffset() >= 0 && log.logEndOffset() < data.logStartOffset()) {
            LOG.log(Level.INFO, "{0} ends at {1}, below the leader''s log start {2}: restarting the log there",
                    p.topicPartition(), log.logEndOffset(), data.logStartOffset());
            log.truncateFullyAndStartAt(data.logStartOffset());
            return true;
        }
        return false;
    }

    /** KIP-279: truncate to where this log and the leader's last agree on the epoch the leader named. */
    private static boolean truncateToDivergence(Partition p, PartitionLog log, ReplicaPartitionData data) {
        long target;
        if (data.divergingEpoch() < 0) {
            target = data.divergingEndOffset();
        } else {
            EpochEndOffset ours = log.leaderEpochs().endOffsetFor(data.divergingEpoch());
            target = ours.epoch() < 0 ? data.divergingEndOffset() : Math.min(data.divergingEndOffset(), ours.endOffset());
        }
        if (target >= log.logEndOffset()) {
            LOG.log(Level.WARNING, "{0}: the leader reports a divergence at epoch {1} ending at {2}, but this log agrees up to its end {3}",
                    p.topicPartition(), data.divergingEpoch(), data.divergingEndOffset(), log.logEndOffset());
            return false;
        }
        LOG.log(Level.INFO, "{0} diverged from the leader at epoch {1} (leader''s end {2}): truncating from {3} to {4}",
                p.topicPartition(), data.divergingEpoch(), data.divergingEndOffset(), log.logEndOffset(), target);
        log.truncateTo(target);
        return true;
    }
}
