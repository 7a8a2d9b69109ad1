package dev.runnel.store.core;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import io.vertx.core.buffer.Buffer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A store core over real logs in a temporary folder: registry, purgatory and handlers wired as the service wires them. */
final class StoreFixture implements AutoCloseable {
    static final int BROKER = 1;

    final ExecutorService pool = Executors.newFixedThreadPool(4);
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final PartitionRegistry registry;
    final FetchPurgatory purgatory;
    final ProducePurgatory producePurgatory;
    final LeaderReplication replication;
    final ProduceHandler produce;
    final FetchHandler fetch;
    final ListOffsetsHandler listOffsets;
    final ReplicaFetchHandler replicaFetch;

    StoreFixture(Path dataDir) {
        this(BROKER, dataDir, request -> CompletableFuture.failedFuture(new IllegalStateException("no controller in this test")), 30_000);
    }

    StoreFixture(int brokerId, Path dataDir, LeaderReplication.IsrChangeSender controller, long replicaLagTimeMaxMs) {
        registry = new PartitionRegistry(brokerId, dataDir, pool, Clock.systemUTC());
        purgatory = new FetchPurgatory(timer, pool, 1000);
        producePurgatory = new ProducePurgatory(brokerId, timer);
        replication = new LeaderReplication(registry, purgatory, producePurgatory, controller, Clock.systemUTC(), replicaLagTimeMaxMs);
        produce = new ProduceHandler(registry, replication, producePurgatory);
        fetch = new FetchHandler(registry, purgatory, pool);
        listOffsets = new ListOffsetsHandler(registry, pool);
        replicaFetch = new ReplicaFetchHandler(registry, purgatory, replication, pool);
    }

    /** Metadata with one topic; partition {@code i} is led by {@code leaders[i]} at epoch 5, replicas = ISR = the leader. */
    static ClusterMetadata metadata(long version, String topic, UUID id, int... leaders) {
        return metadata(version, Map.of(), topic, id, leaders);
    }

    static ClusterMetadata metadata(long version, Map<String, String> configs, String topic, UUID id, int... leaders) {
        List<PartitionInfo> partitions = new ArrayList<>();
        for (int i = 0; i < leaders.length; i++) {
            partitions.add(new PartitionInfo(i, leaders[i], 5, List.of(leaders[i]), List.of(leaders[i])));
        }
        return new ClusterMetadata(version, "cluster", List.of(new StoreInfo(BROKER, null, "127.0.0.1:1")),
                List.of(new TopicInfo(topic, id, configs, partitions)));
    }

    /** Metadata with one single-partition topic led by {@code leader} at {@code epoch}; replicas = ISR. */
    static ClusterMetadata ledBy(long version, String topic, UUID id, int leader, int epoch, List<Integer> replicas) {
        return new ClusterMetadata(version, "cluster", List.of(new StoreInfo(BROKER, null, "127.0.0.1:1")),
                List.of(new TopicInfo(topic, id, Map.of(), List.of(new PartitionInfo(0, leader, epoch, replicas, replicas)))));
    }

    static ClusterMetadata empty(long version) {
        return new ClusterMetadata(version, "cluster", List.of(), List.of());
    }

    ProduceResponse produce(String topic, int partition, int leaderEpoch, byte[] batch) {
        return produce.handle(new ProduceRequest((short) 1, 30000,
                List.of(new PartitionRecords(topic, partition, leaderEpoch, Buffer.buffer(batch))))).join();
    }

    @Override
    public void close() throws InterruptedException {
        purgatory.close();
        producePurgatory.close();
        registry.close();
        timer.shutdownNow();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
