package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.log.PartitionLog;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The leader's side of replication for the partitions this store leads: advances the high watermark to
 * the smallest log end among the in-sync replicas, and asks the controller to change the ISR — to drop a
 * follower not caught up within {@code replica.lag.time.max.ms}, to add one that caught up with the high
 * watermark (and with the start of the current leader epoch).
 *
 * <p>While an ISR expansion is in flight the high watermark already waits for the added follower (Kafka's
 * "maximal ISR"): if the change is accepted nothing was committed that it lacks; a shrink only takes effect
 * once the controller accepted it. The high watermark never moves back.
 *
 * <p>Thread-safety: called from fetch handlers (reader threads), the produce path (a partition's ordered
 * queue), the periodic ISR check and metadata application; each partition's high watermark is computed
 * and set under its {@link ReplicaProgress} lock.
 */
public final class LeaderReplication {
    private static final Logger LOG = System.getLogger(LeaderReplication.class.getName());

    /** Sends an ISR change to the controller. */
    @FunctionalInterface
    public interface IsrChangeSender {
        CompletableFuture<AlterPartitionResult> alterPartition(AlterPartitionRequest request);
    }

    private final int brokerId;
    private final PartitionRegistry registry;
    private final FetchPurgatory fetchPurgatory;
    private final ProducePurgatory producePurgatory;
    private final IsrChangeSender isrChanges;
    private final Clock clock;
    private final long replicaLagTimeMaxMs;

    public LeaderReplication(PartitionRegistry registry, FetchPurgatory fetchPurgatory, ProducePurgatory producePurgatory,
                             IsrChangeSender isrChanges, Clock clock, long replicaLagTimeMaxMs) {
        this.brokerId = registry.brokerId();
        this.registry = registry;
        this.fetchPurgatory = fetchPurgatory;
        this.producePurgatory = producePurgatory;
        this.isrChanges = isrChanges;
        this.clock = clock;
        this.replicaLagTimeMaxMs = replicaLagTimeMaxMs;
    }

    public long replicaLagTimeMaxMs() {
        return replicaLagTimeMaxMs;
    }

    /** After a leader append: wakes the followers' parked fetches and moves the high watermark if it can. */
    public void onLeaderAppend(Partition p) {
        fetchPurgatory.onAppend(p.topicPartition());
        maybeAdvanceHighWatermark(p);
    }

    /** A follower fetched at {@code fetchOffset} (a fetch that agreed with this log). */
    void onFollowerFetch(Partition p, Leadership leadership, int replicaId, long fetchOffset) {
        ReplicaProgress progress = p.replicaProgress();
        long leaderEnd = p.log().logEndOffset();
        long now = clock.millis();
        progress.ensureEpoch(leadership.leaderEpoch(), leaderEnd, now);
        progress.onFetch(replicaId, fetchOffset, leaderEnd, now);
        maybeAdvanceHighWatermark(p);
        if (!leadership.isr().contains(replicaId) && fetchOffset >= p.log().highWatermark()
                && fetchOffset >= progress.epochStartOffset()) {
            Set<Integer> expanded = new LinkedHashSet<>(leadership.isr());
            expanded.add(replicaId);
            proposeIsr(p, leadership, expanded);
        }
    }

    /**
     * Sets the high watermark to the smallest log end among the ISR (plus a pending expansion), if that
     * is higher than it is; then wakes the consumer fetches and acks=all produces waiting for it.
     *
     * @return whether it moved
     */
    public boolean maybeAdvanceHighWatermark(Partition p) {
        Leadership leadership = p.leadership();
        if (p.isClosed() || !leadership.isLeader(brokerId)) {
            return false;
        }
        PartitionLog log = p.log();
        ReplicaProgress progress = p.replicaProgress();
        boolean moved;
        synchronized (progress) {
            progress.ensureEpoch(leadership.leaderEpoch(), log.logEndOffset(), clock.millis());
            Set<Integer> isr = new LinkedHashSet<>(leadership.isr());
            progress.pendingIsr().ifPresent(isr::addAll);
            isr.add(brokerId);
            OptionalLong min = progress.minLogEnd(brokerId, List.copyOf(isr), log.logEndOffset());
            moved = min.isPresent() && min.getAsLong() > log.highWatermark();
            if (moved) {
                try {
                    log.updateHighWatermark(min.getAsLong());
                } catch (RuntimeException e) {
                    if (p.isClosed()) {
                        return false; // closed or deleted under us
                    }
                    throw e;
                }
            }
        }
        if (moved) {
            fetchPurgatory.onAppend(p.topicPartition());
        }
        producePurgatory.check(p.topicPartition());
        return moved;
    }

    /** After metadata was applied: leaders and ISRs may have changed, so do the high watermarks and waiting produces. */
    public void onMetadataApplied() {
        for (Partition p : registry.partitions()) {
            if (p.leadership().isLeader(brokerId)) {
                maybeAdvanceHighWatermark(p);
            }
        }
        producePurgatory.checkAll();
    }

    /** Drops from the ISR of every partition led here the followers not caught up for replica.lag.time.max.ms. Call periodically. */
    public void shrinkLaggingIsrs() {
        long now = clock.millis();
        for (Partition p : registry.partitions()) {
            Leadership leadership = p.leadership();
            if (p.isClosed() || !leadership.isLeader(brokerId)) {
                continue;
            }
            ReplicaProgress progress = p.replicaProgress();
            progress.ensureEpoch(leadership.leaderEpoch(), p.log().logEndOffset(), now);
            List<Integer> lagging = new ArrayList<>();
            for (int id : leadership.isr()) {
                if (id != brokerId && now - progress.lastCaughtUpMs(id) > replicaLagTimeMaxMs) {
                    lagging.add(id);
                }
            }
            if (!lagging.isEmpty()) {
                Set<Integer> shrunk = new LinkedHashSet<>(leadership.isr());
                lagging.forEach(shrunk::remove);
                shrunk.add(brokerId);
                LOG.log(Level.INFO, "Followers {0} of {1} not caught up for {2} ms: asking to shrink the ISR {3} to {4}",
                        lagging, p.topicPartition(), replicaLagTimeMaxMs, leadership.isr(), shrunk);
                proposeIsr(p, leadership, shrunk);
            }
        }
    }

    private void proposeIsr(Partition p, Leadership basedOn, Set<Integer> members) {
        // replica order, so the ISR reads the same wherever it is computed
        List<Integer> newIsr = basedOn.replicas().stream().filter(members::contains).toList();
        ReplicaProgress progress = p.replicaProgress();
        if (!progress.beginIsrChange(newIsr)) {
            return;
        }
        TopicPartition tp = p.topicPartition();
        AlterPartitionRequest request = new AlterPartitionRequest(brokerId, tp.topic(), tp.partition(),
                basedOn.leaderEpoch(), basedOn.partitionEpoch(), newIsr);
        CompletableFuture<AlterPartitionResult> sent;
        try {
            sent = isrChanges.alterPartition(request);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((result, failure) -> {
            try {
                if (failure != null) {
                    LOG.log(Level.DEBUG, "ISR change " + request + " was not answered: " + failure.getMessage());
                } else if (result.error() == ErrorCode.NONE) {
                    LOG.log(Level.INFO, "ISR of {0} is now {1} (partition epoch {2})", tp, result.partition().isr(),
                            result.partition().partitionEpoch());
                    p.leadershipIfNewer(Leadership.of(result.partition()));
                } else {
                    LOG.log(Level.INFO, "ISR change of {0} to {1} refused: {2} {3}", tp, newIsr, result.error(), result.message());
                    if (result.partition() != null) {
                        p.leadershipIfNewer(Leadership.of(result.partition()));
                    }
                }
            } finally {
                progress.endIsrChange();
            }
            maybeAdvanceHighWatermark(p);
        });
    }
}
