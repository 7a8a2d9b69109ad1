package dev.runnel.store.core;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.log.LogConfig;
import dev.runnel.log.PartitionLog;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The partition replicas this store holds, kept in line with the cluster metadata.
 *
 * <ul>
 *   <li>{@link #openExisting()} opens every {@code <topic>-<partition>} folder under the data dir (the
 *       log recovers it) before the store serves anything; nobody is known to lead these yet.</li>
 *   <li>{@link #applyMetadata} opens the partitions whose replicas include this broker, applies
 *       leadership and config changes, and deletes replicas the metadata no longer gives this broker:
 *       every {@code ClusterMetadata} is a whole snapshot, so a topic absent from it was deleted. Nothing
 *       is deleted before the first snapshot has been applied, and a replica whose
 *       {@link PartitionMetadataFile stored topic id} differs from the metadata's belongs to an older
 *       topic of the same name and is deleted before the new one is created.</li>
 * </ul>
 *
 * <p>Thread-safety: lookups are lock-free from any thread. {@link #openExisting}, {@link #applyMetadata}
 * and {@link #close} do blocking file I/O and are serialized on this object: call them from a worker
 * (the store runs them on one ordered metadata queue), never from an event loop.
 */
public final class PartitionRegistry implements AutoCloseable {
    private static final Logger LOG = System.getLogger(PartitionRegistry.class.getName());

    private final int brokerId;
    private final Path dataDir;
    private final Executor ioPool;
    private final Clock clock;
    private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
    private volatile long appliedVersion = -1;
    private volatile boolean metadataApplied;

    public PartitionRegistry(int brokerId, Path dataDir, Executor ioPool, Clock clock) {
        this.brokerId = brokerId;
        this.dataDir = dataDir;
        this.ioPool = ioPool;
        this.clock = clock;
    }

    public int brokerId() {
        return brokerId;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Optional<Partition> partition(TopicPartition topicPartition) {
        return Optional.ofNullable(partitions.get(topicPartition));
    }

    public Optional<Partition> partition(String topic, int partition) {
        return partition(new TopicPartition(topic, partition));
    }

    public Collection<Partition> partitions() {
        return List.copyOf(partitions.values());
    }

    /** The version of the last applied metadata, -1 before any. */
    public long appliedMetadataVersion() {
        return appliedVersion;
    }

    public boolean hasAppliedMetadata() {
        return metadataApplied;
    }

    /**
     * Opens (and so recovers) every partition folder found under the data dir.
     *
     * @return the partitions opened
     * @throws IOException when the data dir cannot be created or listed
     */
    public synchronized List<TopicPartition> openExisting() throws IOException {
        Files.createDirectories(dataDir);
        List<Path> dirs;
        try (Stream<Path> children = Files.list(dataDir)) {
            dirs = children.filter(Files::isDirectory).sorted().toList();
        }
        List<TopicPartition> opened = new ArrayList<>();
        for (Path dir : dirs) {
            Optional<TopicPartition> parsed = TopicPartition.fromDirName(dir.getFileName().toString());
            if (parsed.isEmpty()) {
                LOG.log(Level.WARNING, "Ignoring {0}: not a <topic>-<partition> folder", dir);
                continue;
            }
            if (partitions.containsKey(parsed.get())) {
                continue;
            }
            // topic configs are not known before metadata arrives; they are applied then
            open(parsed.get(), LogConfig.defaults(), PartitionMetadataFile.read(dir)).ifPresent(p -> opened.add(parsed.get()));
        }
        LOG.log(Level.INFO, "Opened {0} partition(s) found in {1}", opened.size(), dataDir);
        return opened;
    }

    /**
     * Brings the replicas in line with {@code metadata}, unless it is not newer than what was applied.
     * Blocks until replicas to delete are deleted (after their queued writes).
     */
    public synchronized MetadataChanges applyMetadata(ClusterMetadata metadata) {
        if (metadata.version() <= appliedVersion) {
            return MetadataChanges.stale(metadata.version());
        }
        Map<TopicPartition, Assignment> assigned = assignedToThisBroker(metadata);
        List<TopicPartition> deleted = new ArrayList<>();
        for (Partition held : partitions()) {
            TopicPartition tp = held.topicPartition();
            Assignment assignment = assigned.get(tp);
            if (assignment == null) {
                LOG.log(Level.INFO, "Deleting replica {0}: metadata version {1} does not assign it to broker {2}",
                        tp, metadata.version(), brokerId);
                deleteReplica(held);
                deleted.add(tp);
            } else if (isOlderTopic(held, assignment.topic())) {
                LOG.log(Level.INFO, "Deleting replica {0} of topic id {1}: the topic was recreated with id {2}",
                        tp, held.topicId().orElseThrow(), assignment.topic().id());
                deleteReplica(held);
                deleted.add(tp);
            }
        }
        List<TopicPartition> opened = new ArrayList<>();
        List<CompletableFuture<Void>> configChanges = new ArrayList<>();
        for (Map.Entry<TopicPartition, Assignment> entry : assigned.entrySet()) {
            TopicPartition tp = entry.getKey();
            TopicInfo topic = entry.getValue().topic();
            Optional<Partition> replica = partition(tp);
            if (replica.isEmpty()) {
                replica = open(tp, LogConfig.fromTopicConfigs(topic.configs()), Optional.ofNullable(topic.id()));
                if (replica.isEmpty()) {
                    continue;
                }
                opened.add(tp);
            }
            Partition p = replica.get();
            if (p.topicId().isEmpty() && topic.id() != null) {
                writeTopicId(p, topic.id());
            }
            configChanges.add(p.applyTopicConfigs(topic.configs()));
            Leadership leadership = Leadership.of(entry.getValue().partition());
            p.leadership(leadership);
            if (leadership.leader() == brokerId && leadership.isOnlyInSyncReplica(brokerId)) {
                // the sole in-sync replica's whole log is committed: after a crash the high-watermark
                // checkpoint lags the recovered log end, and no follower would ever advance it (Kafka's
                // leader does the same when it becomes leader with ISR = itself)
                configChanges.add(p.<Void>runOrdered(() -> {
                    if (!p.isClosed()) {
                        p.log().updateHighWatermark(p.log().logEndOffset());
                    }
                    return null;
                }));
            }
        }
        CompletableFuture.allOf(configChanges.toArray(CompletableFuture[]::new)).exceptionally(e -> {
            LOG.log(Level.WARNING, "Applying topic configs failed", LogErrors.unwrap(e));
            return null;
        }).join();
        appliedVersion = metadata.version();
        metadataApplied = true;
        return new MetadataChanges(metadata.version(), true, List.copyOf(opened), List.copyOf(deleted));
    }

    /**
     * Applies retention (retention.ms / retention.bytes) to every log, each on its own ordered queue so it
     * never overlaps an append. Completes with the number of segments deleted.
     */
    public CompletableFuture<Integer> deleteExpiredSegments() {
        List<CompletableFuture<Integer>> runs = partitions().stream()
                .map(p -> p.runOrdered(() -> p.isClosed() ? 0 : p.log().deleteExpiredSegments())
                        .exceptionally(e -> {
                            LOG.log(Level.WARNING, "Retention of " + p.dir() + " failed", LogErrors.unwrap(e));
                            return 0;
                        }))
                .toList();
        return CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .thenApply(done -> runs.stream().mapToInt(CompletableFuture::join).sum());
    }

    /** Closes every log after the writes queued on it. */
    @Override
    public synchronized void close() {
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Partition p : partitions()) {
            partitions.remove(p.topicPartition());
            closing.add(p.closeOrdered(false).exceptionally(e -> {
                LOG.log(Level.ERROR, "Closing " + p.dir() + " failed", LogErrors.unwrap(e));
                return null;
            }));
        }
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).join();
    }

    private record Assignment(TopicInfo topic, PartitionInfo partition) {
    }

    private Map<TopicPartition, Assignment> assignedToThisBroker(ClusterMetadata metadata) {
        Map<TopicPartition, Assignment> assigned = new HashMap<>();
        for (TopicInfo topic : metadata.topics()) {
            for (PartitionInfo partition : topic.partitions()) {
                if (partition.replicas().contains(brokerId)) {
                    assigned.put(new TopicPartition(topic.name(), partition.partition()), new Assignment(topic, partition));
                }
            }
        }
        return assigned;
    }

    private static boolean isOlderTopic(Partition held, TopicInfo topic) {
        return topic.id() != null && held.topicId().isPresent() && !Objects.equals(held.topicId().get(), topic.id());
    }

    private Optional<Partition> open(TopicPartition tp, LogConfig config, Optional<UUID> topicId) {
        Path dir = dataDir.resolve(tp.dirName());
        try {
            PartitionLog log = PartitionLog.open(dir, config, clock);
            if (topicId.isPresent() && !topicId.equals(PartitionMetadataFile.read(dir))) {
                PartitionMetadataFile.write(dir, topicId.get());
            }
            Partition partition = new Partition(tp, dir, log, topicId, new OrderedExecutor(ioPool));
            partitions.put(tp, partition);
            return Optional.of(partition);
        } catch (IOException | RuntimeException e) {
            // one unreadable replica must not keep the store from serving the others
            LOG.log(Level.ERROR, "Cannot open partition " + tp + " in " + dir, e);
            return Optional.empty();
        }
    }

    private void writeTopicId(Partition p, UUID id) {
        try {
            PartitionMetadataFile.write(p.dir(), id);
            p.topicId(id);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot record topic id " + id + " in " + p.dir(), e);
        }
    }

    private void deleteReplica(Partition p) {
        partitions.remove(p.topicPartition());
        try {
            p.closeOrdered(true).join();
        } catch (RuntimeException e) {
            // the replica is out of service either way; what is left on disk is deleted on a later restart
            LOG.log(Level.ERROR, "Cannot delete replica " + p.dir(), LogErrors.unwrap(e));
        }
    }
}
