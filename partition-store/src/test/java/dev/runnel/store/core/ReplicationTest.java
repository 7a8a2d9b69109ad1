package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.log.PartitionLog;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three store cores over real logs replicate one partition among themselves: real leaders, followers and
 * fetchers, the fetch requests handed straight to the leader's handler instead of over the bus, and a
 * small stand-in for the controller that applies ISR changes the way the replica-manager validates them.
 */
class ReplicationTest {
    private static final String TOPIC = "orders";

    @TempDir
    Path dir;

    private final UUID topicId = UUID.randomUUID();
    private final ExecutorService controllerThread = Executors.newSingleThreadExecutor();
    private final Map<Integer, StoreFixture> stores = new HashMap<>();
    private final Map<Integer, ReplicaFetcher> fetchers = new HashMap<>();
    private final List<AlterPartitionRequest> isrRequests = new ArrayList<>();
    private PartitionInfo partition;
    private Map<String, String> configs = Map.of();
    private long version;

    @AfterEach
    void stop() throws Exception {
        fetchers.values().forEach(ReplicaFetcher::close);
        for (StoreFixture store : stores.values()) {
            store.close();
        }
        controllerThread.shutdownNow();
    }

    private void cluster(long lagMs, PartitionInfo initial) {
        partition = initial;
        for (int id : initial.replicas()) {
            stores.put(id, new StoreFixture(id, dir.resolve("store-" + id), this::alterPartition, lagMs));
        }
        publish();
    }

    private void startFetcher(int id) {
        StoreFixture store = stores.get(id);
        ReplicaFetcher fetcher = new ReplicaFetcher(store.registry,
                (leader, request) -> stores.get(leader).replicaFetch.handle(request),
                store.timer, store.pool, new ReplicaFetcher.Settings(100, 1 << 20, 1 << 20, 50));
        fetchers.put(id, fetcher);
        fetcher.ensureFetching();
    }

    /** The controller's rules for AlterPartition, on one thread like the replica-manager's. */
    private CompletableFuture<AlterPartitionResult> alterPartition(AlterPartitionRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            synchronized (this) {
                isrRequests.add(request);
                if (request.brokerId() != partition.leader() || request.leaderEpoch() != partition.leaderEpoch()) {
                    return new AlterPartitionResult(ErrorCode.FENCED_LEADER_EPOCH, "stale leader", partition);
                }
                if (request.partitionEpoch() != partition.partitionEpoch()) {
                    return new AlterPartitionResult(ErrorCode.INVALID_UPDATE_VERSION, "stale partition epoch", partition);
                }
                partition = partition.withIsr(request.newIsr());
                publish();
                return new AlterPartitionResult(ErrorCode.NONE, null, partition);
            }
        }, controllerThread);
    }

    private synchronized void elect(int leader, List<Integer> isr) {
        partition = partition.withLeader(leader, isr);
        publish();
    }

    private synchronized void publish() {
        ClusterMetadata metadata = new ClusterMetadata(++version, "cluster",
                partition.replicas().stream().map(id -> new StoreInfo(id, null, "127.0.0.1:" + id)).toList(),
                List.of(new TopicInfo(TOPIC, topicId, configs, List.of(partition))));
        for (StoreFixture store : stores.values()) {
            store.registry.applyMetadata(metadata);
            store.replication.onMetadataApplied();
        }
        fetchers.values().forEach(ReplicaFetcher::ensureFetching);
    }

    private CompletableFuture<PartitionProduceResult> produce(int store, short acks, int timeoutMs, String... values) {
        return stores.get(store).produce.handle(new ProduceRequest(acks, timeoutMs,
                        List.of(new PartitionRecords(TOPIC, 0, -1, Buffer.buffer(TestBatches.batch(1000, values))))))
                .thenApply(r -> r.partitions().get(0));
    }

    private PartitionLog log(int store) {
        return stores.get(store).registry.partition(TOPIC, 0).orElseThrow().log();
    }

    private static byte[] bytes(PartitionLog log) {
        ByteBuffer read = log.read(log.logStartOffset(), Integer.MAX_VALUE, Long.MAX_VALUE).records();
        byte[] copy = new byte[read.remaining()];
        read.get(copy);
        return copy;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void acksAllAnswersOnceEveryInSyncReplicaHasTheBatch() throws Exception {
        cluster(30_000, new PartitionInfo(0, 1, 0, List.of(1, 2, 3), List.of(1, 2, 3)));

        CompletableFuture<PartitionProduceResult> waiting = produce(1, (short) -1, 30_000, "a", "b");
        Thread.sleep(200);
        assertThat(waiting).as("no follower fetched yet").isNotDone();
        assertThat(log(1).highWatermark()).isZero();

        startFetcher(2);
        Thread.sleep(200);
        assertThat(waiting).as("follower 3 is in the ISR and has not fetched").isNotDone();
        startFetcher(3);

        PartitionProduceResult result = waiting.get(10, TimeUnit.SECONDS);
        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
        assertThat(result.baseOffset()).isZero();
        assertThat(log(1).highWatermark()).isEqualTo(2);
        for (int id : List.of(2, 3)) {
            assertThat(bytes(log(id))).as("store %d's copy", id).isEqualTo(bytes(log(1)));
            await("store " + id + " learns the high watermark", () -> log(id).highWatermark() == 2);
        }

        PartitionProduceResult acksOne = produce(1, (short) 1, 30_000, "c").get(5, TimeUnit.SECONDS);
        assertThat(acksOne.baseOffset()).isEqualTo(2);
        await("followers copy an acks=1 batch too", () -> log(2).logEndOffset() == 3 && log(3).logEndOffset() == 3);
    }

    @Test
    void minInsyncReplicasRefusesBeforeTheAppendAndTimeoutsAreReported() throws Exception {
        configs = Map.of(TopicConfigs.MIN_INSYNC_REPLICAS, "2");
        cluster(30_000, new PartitionInfo(0, 1, 0, List.of(1, 2), List.of(1)));

        PartitionProduceResult refused = produce(1, (short) -1, 1000, "a").get(5, TimeUnit.SECONDS);
        assertThat(refused.error()).isEqualTo(ErrorCode.NOT_ENOUGH_REPLICAS);
        assertThat(log(1).logEndOffset()).as("nothing appended").isZero();
        assertThat(produce(1, (short) 1, 1000, "a").get(5, TimeUnit.SECONDS).error())
                .as("acks=1 does not need the ISR").isEqualTo(ErrorCode.NONE);

        elect(1, List.of(1, 2)); // follower 2 in the ISR, but it never fetches
        PartitionProduceResult timedOut = produce(1, (short) -1, 300, "b").get(5, TimeUnit.SECONDS);
        assertThat(timedOut.error()).isEqualTo(ErrorCode.REQUEST_TIMED_OUT);
    }

    @Test
    void aLaggingFollowerLeavesTheIsrAndRejoinsWhenCaughtUp() throws Exception {
        cluster(300, new PartitionInfo(0, 1, 0, List.of(1, 2, 3), List.of(1, 2, 3)));
        startFetcher(2);

        CompletableFuture<PartitionProduceResult> waiting = produce(1, (short) -1, 30_000, "a");
        // follower 3 never fetches: after replica.lag.time.max.ms the leader asks to drop it
        await("the ISR shrinks", () -> {
            stores.get(1).replication.shrinkLaggingIsrs();
            return partition.isr().equals(List.of(1, 2));
        });
        assertThat(waiting.get(5, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.NONE);
        assertThat(isrRequests).last().extracting(AlterPartitionRequest::leaderEpoch, AlterPartitionRequest::partitionEpoch)
                .containsExactly(0, 0);

        startFetcher(3);
        await("follower 3 rejoins the ISR", () -> partition.isr().equals(List.of(1, 2, 3)));
        assertThat(bytes(log(3))).isEqualTo(bytes(log(1)));
    }

    @Test
    void aFormerLeaderTruncatesWhatItWroteAloneAndFollowsTheNewLeader() throws Exception {
        cluster(30_000, new PartitionInfo(0, 1, 0, List.of(1, 2), List.of(1, 2)));
        startFetcher(2);
        assertThat(produce(1, (short) -1, 10_000, "a", "b").get(10, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.NONE);

        fetchers.remove(2).close(); // store 2 stops replicating; store 1 writes alone, never committed
        Thread.sleep(300);
        assertThat(produce(1, (short) 1, 10_000, "lost-1", "lost-2", "lost-3").get(5, TimeUnit.SECONDS).error()).isEqualTo(ErrorCode.NONE);
        assertThat(log(1).logEndOffset()).isEqualTo(5);

        elect(2, List.of(2)); // store 1 "died": store 2 leads at epoch 1
        assertThat(produce(2, (short) -1, 10_000, "c").get(5, TimeUnit.SECONDS).baseOffset()).isEqualTo(2);
        assertThat(produce(1, (short) 1, 10_000, "stale").get(5, TimeUnit.SECONDS).error())
                .as("the old leader no longer accepts produces").isEqualTo(ErrorCode.NOT_LEADER_OR_FOLLOWER);

        startFetcher(1); // store 1 comes back as a follower
        await("store 1 converges on store 2's log", () -> log(1).logEndOffset() == 3);
        assertThat(bytes(log(1))).isEqualTo(bytes(log(2)));
        await("store 1 rejoins the ISR", () -> partition.isr().equals(List.of(1, 2)));
        assertThat(log(1).leaderEpochs().latestEpoch().orElseThrow()).isEqualTo(1);
    }

    @Test
    void aStaleIsrChangeIsRefusedAndTheLeaderRetriesOnTheNewState() throws Exception {
        cluster(300, new PartitionInfo(0, 1, 0, List.of(1, 2, 3), List.of(1, 2, 3)));
        startFetcher(2);
        // the controller moved on (e.g. removed a dead store) before the leader's request arrives
        synchronized (this) {
            partition = new PartitionInfo(0, 1, 0, List.of(1, 2, 3), List.of(1, 2, 3), 7);
        }
        await("the ISR shrinks after a refused attempt", () -> {
            stores.get(1).replication.shrinkLaggingIsrs();
            return partition.isr().equals(List.of(1, 2));
        });
        assertThat(isrRequests).extracting(AlterPartitionRequest::partitionEpoch).contains(0, 7);
    }
}
