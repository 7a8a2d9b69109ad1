package dev.runnel.store.core;

import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.log.LogConfig;
import dev.runnel.log.PartitionLog;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One partition replica held by this store: its log, who leads it, its topic configs, and the ordered
 * queue that every write to the log (append, retention, config change, close) runs on.
 *
 * <p>Thread-safety: reads of the log may run on any thread (the log allows reads concurrent with its
 * single writer); everything that writes runs through {@link #runOrdered}. Leadership and configs are
 * replaced whole by the metadata queue and read without locks.
 */
public final class Partition {
    private final TopicPartition topicPartition;
    private final Path dir;
    private final PartitionLog log;
    private final OrderedExecutor writes;
    private volatile Leadership leadership = Leadership.UNKNOWN;
    private volatile Optional<Map<String, String>> topicConfigs = Optional.empty();
    private volatile Optional<UUID> topicId;
    private volatile boolean closed;
    private final ReplicaProgress replicaProgress = new ReplicaProgress();

    Partition(TopicPartition topicPartition, Path dir, PartitionLog log, Optional<UUID> topicId, OrderedExecutor writes) {
        this.topicPartition = topicPartition;
        this.dir = dir;
        this.log = log;
        this.topicId = topicId;
        this.writes = writes;
    }

    public TopicPartition topicPartition() {
        return topicPartition;
    }

    public Path dir() {
        return dir;
    }

    /** The log, for reads from any thread; writes go through {@link #runOrdered}. */
    public PartitionLog log() {
        return log;
    }

    public Leadership leadership() {
        return leadership;
    }

    /** Applies leadership from metadata, unless this store already holds a later state (see {@link #leadershipIfNewer}). */
    synchronized void leadership(Leadership fromMetadata) {
        if (!leadership.isNewerThan(fromMetadata)) {
            this.leadership = fromMetadata;
        }
    }

    /**
     * Takes {@code newer} only if it is a later state than the current one (the controller's answer to an
     * ISR change may arrive before or after the metadata that carries the same change).
     */
    synchronized boolean leadershipIfNewer(Leadership newer) {
        if (!newer.isNewerThan(leadership)) {
            return false;
        }
        this.leadership = newer;
        return true;
    }

    /** What the leader knows of its followers; meaningful only while this store leads the partition. */
    public ReplicaProgress replicaProgress() {
        return replicaProgress;
    }

    public Optional<UUID> topicId() {
        return topicId;
    }

    void topicId(UUID id) {
        this.topicId = Optional.of(id);
    }

    /** The topic configs last applied from metadata; empty for a replica found on disk and not yet named by metadata. */
    public Optional<Map<String, String>> topicConfigs() {
        return topicConfigs;
    }

    /** Applies new topic configs to the log, ordered with appends; a no-op when they did not change. */
    CompletableFuture<Void> applyTopicConfigs(Map<String, String> configs) {
        if (topicConfigs.equals(Optional.of(configs))) {
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> copy = Map.copyOf(configs);
        topicConfigs = Optional.of(copy);
        return runOrdered(() -> {
            if (!closed) {
                log.updateConfig(LogConfig.fromTopicConfigs(copy));
            }
            return null;
        });
    }

    /** Whether the topic stamps batches with the broker's time (message.timestamp.type=LogAppendTime). */
    public boolean usesLogAppendTime() {
        return topicConfigs.map(c -> TopicConfigs.effective(c, TopicConfigs.MESSAGE_TIMESTAMP_TYPE))
                .map("LogAppendTime"::equals).orElse(false);
    }

    public int minInsyncReplicas() {
        return topicConfigs.map(c -> TopicConfigs.effective(c, TopicConfigs.MIN_INSYNC_REPLICAS))
                .map(Integer::parseInt).orElse(1);
    }

    /** Runs a write after every write submitted before it. */
    public <T> CompletableFuture<T> runOrdered(Supplier<T> task) {
        return writes.submit(task);
    }

    /** True once closed or deleted: queued writes then answer NOT_LEADER_OR_FOLLOWER instead of touching the log. */
    public boolean isClosed() {
        return closed;
    }

    /** Closes (or deletes) the log after the writes already queued. */
    CompletableFuture<Void> closeOrdered(boolean deleteData) {
        return runOrdered(() -> {
            if (!closed) {
                closed = true;
                if (deleteData) {
                    log.delete();
                } else {
                    log.close();
                }
            }
            return null;
        });
    }
}
