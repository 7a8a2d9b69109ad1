package dev.runnel.store;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.codec.BusCodecs;
import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.cluster.ClusterMembership;
import dev.runnel.bus.data.ReplicaFetchResponse;
import dev.runnel.store.core.FetchHandler;
import dev.runnel.store.core.FetchPurgatory;
import dev.runnel.store.core.LeaderReplication;
import dev.runnel.store.core.ListOffsetsHandler;
import dev.runnel.store.core.LogErrors;
import dev.runnel.store.core.OrderedExecutor;
import dev.runnel.store.core.PartitionRegistry;
import dev.runnel.store.core.ProduceHandler;
import dev.runnel.store.core.ProducePurgatory;
import dev.runnel.store.core.ReplicaFetchHandler;
import dev.runnel.store.core.ReplicaFetcher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The partition store's lifecycle. Start: register the bus codecs, open (recover) every partition on
 * disk, then register the produce/fetch/list-offsets consumers, then follow metadata and heartbeat; the
 * store is ready only after all of that. Stop: unregister the consumers, answer parked fetches, close
 * every log after its queued writes.
 */
@ApplicationScoped
public class PartitionStoreService {
    private static final Logger LOG = Logger.getLogger(PartitionStoreService.class);
    private static final long METRICS_REFRESH_MS = 10_000;
    private static final long CONTROL_TIMEOUT_MS = 10_000;

    private final Vertx vertx;
    private final StoreConfig config;
    private final MeterRegistry meters;
    private final int httpPort;
    private volatile boolean ready;
    private volatile String notReadyReason = "starting";

    private ExecutorService ioPool;
    private ScheduledExecutorService timer;
    private PartitionRegistry registry;
    private FetchPurgatory purgatory;
    private ProducePurgatory producePurgatory;
    private LeaderReplication replication;
    private ReplicaFetcher fetcher;
    private BusEndpoints endpoints;
    private MetadataFollower metadata;
    private long retentionTimer = -1;
    private long metricsTimer = -1;
    private long isrTimer = -1;
    private volatile StoreMetrics storeMetrics;
    private long fetcherTimer = -1;

    PartitionStoreService(Vertx vertx, StoreConfig config, MeterRegistry meters,
                          @ConfigProperty(name = "quarkus.http.port") int httpPort) {
        this.vertx = vertx;
        this.meters = meters;
        this.config = config;
        this.httpPort = httpPort;
    }

    void onStart(@Observes StartupEvent event) {
        int brokerId = config.brokerId();
        Path dataDir = Path.of(config.dataDir().orElse("./data/store-" + brokerId)).toAbsolutePath().normalize();
        BusCodecs.registerAll(vertx.eventBus());
        ioPool = Executors.newFixedThreadPool(config.ioThreads(), threads("runnel-store-io"));
        timer = Executors.newSingleThreadScheduledExecutor(threads("runnel-store-timer"));
        registry = new PartitionRegistry(brokerId, dataDir, ioPool, Clock.systemUTC());
        purgatory = new FetchPurgatory(timer, ioPool, config.maxParkedFetches());
        producePurgatory = new ProducePurgatory(brokerId, timer);
        replication = new LeaderReplication(registry, purgatory, producePurgatory,
                request -> countIsrChange(request, vertx.eventBus().<AlterPartitionResult>request(Addresses.CONTROLLER_ALTER_PARTITION, request,
                                new DeliveryOptions().setSendTimeout(CONTROL_TIMEOUT_MS))
                        .map(Message::body).toCompletionStage().toCompletableFuture()),
                Clock.systemUTC(), config.replicaLagTimeMaxMs());
        fetcher = new ReplicaFetcher(registry,
                (leader, request) -> vertx.eventBus().<ReplicaFetchResponse>request(Addresses.storeReplicaFetch(leader), request,
                                new DeliveryOptions().setSendTimeout(request.maxWaitMs() + CONTROL_TIMEOUT_MS))
                        .map(Message::body).toCompletionStage().toCompletableFuture(),
                timer, ioPool, new ReplicaFetcher.Settings(config.replicaFetchWaitMaxMs(), config.replicaFetchResponseMaxBytes(),
                        config.replicaFetchMaxBytes(), config.replicaFetchBackoffMs()));
        OrderedExecutor metadataQueue = new OrderedExecutor(ioPool);
        StoreMetrics metrics = new StoreMetrics(meters, registry, purgatory);
        storeMetrics = metrics;
        endpoints = new BusEndpoints(vertx);
        metadata = new MetadataFollower(vertx, registry, metadataQueue,
                new StoreHeartbeat(brokerId, config.rack().orElse(null),
                        config.advertisedHttpAddress().orElse("127.0.0.1:" + httpPort), -1,
                        ClusterMembership.localNodeId(vertx).orElse(null)),
                () -> {
                    replication.onMetadataApplied();
                    fetcher.ensureFetching();
                });

        notReadyReason = "recovering partition logs in " + dataDir;
        // recovery first, on the metadata queue, so no metadata is applied to a half-opened registry
        metadataQueue.submit(() -> {
            try {
                return registry.openExisting();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).thenAccept(opened -> vertx.runOnContext(v -> {
            notReadyReason = "registering event-bus consumers";
            endpoints.register(brokerId,
                            new ProduceHandler(registry, replication, producePurgatory),
                            new FetchHandler(registry, purgatory, ioPool),
                            new ListOffsetsHandler(registry, ioPool),
                            new ReplicaFetchHandler(registry, purgatory, replication, ioPool),
                            metrics)
                    .onSuccess(done -> {
                        metadata.start();
                        long isrCheckMs = Math.max(100, config.replicaLagTimeMaxMs() / 2);
                        isrTimer = vertx.setPeriodic(isrCheckMs, id -> ioPool.execute(replication::shrinkLaggingIsrs));
                        // a fetch loop ends when it has nothing to fetch; this restarts loops a race may have missed
                        fetcherTimer = vertx.setPeriodic(1000, id -> fetcher.ensureFetching());
                        retentionTimer = vertx.setPeriodic(config.retentionCheckIntervalMs(), id -> runRetention());
                        metrics.refreshPartitions();
                        metricsTimer = vertx.setPeriodic(METRICS_REFRESH_MS, id -> metrics.refreshPartitions());
                        ready = true;
                        LOG.infof("Partition store %d ready: %d partition(s) recovered from %s", brokerId, opened.size(), dataDir);
                    })
                    .onFailure(e -> failStart("cannot register event-bus consumers", e));
        })).exceptionally(e -> {
            failStart("cannot open the partitions in " + dataDir, LogErrors.unwrap(e));
            return null;
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        ready = false;
        notReadyReason = "shutting down";
        if (metadata != null) {
            metadata.stop();
        }
        if (retentionTimer >= 0) {
            vertx.cancelTimer(retentionTimer);
        }
        if (metricsTimer >= 0) {
            vertx.cancelTimer(metricsTimer);
        }
        if (isrTimer >= 0) {
            vertx.cancelTimer(isrTimer);
        }
        if (fetcherTimer >= 0) {
            vertx.cancelTimer(fetcherTimer);
        }
        if (fetcher != null) {
            fetcher.close();
        }
        if (endpoints != null) {
            try {
                endpoints.unregister().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("Unregistering the event-bus consumers did not finish", e);
            }
        }
        if (purgatory != null) {
            purgatory.close();
        }
        if (producePurgatory != null) {
            producePurgatory.close();
        }
        if (registry != null) {
            registry.close();
            LOG.info("Closed all partition logs");
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (ioPool != null) {
            ioPool.shutdown();
        }
    }

    /** Ready = logs recovered and consumers registered. */
    public boolean isReady() {
        return ready;
    }

    public String notReadyReason() {
        return notReadyReason;
    }

    /** The registry, for health and metrics: set once started, so callers check {@link #isReady()} first. */
    PartitionRegistry registry() {
        return registry;
    }

    FetchPurgatory purgatory() {
        return purgatory;
    }

    private void runRetention() {
        registry.deleteExpiredSegments().thenAccept(deleted -> {
            if (deleted > 0) {
                LOG.infof("Retention deleted %d segment(s)", deleted);
            }
        });
    }

    private void failStart(String reason, Throwable cause) {
        notReadyReason = reason + ": " + LogErrors.message(cause);
        LOG.error("Partition store cannot start: " + reason, cause);
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Counts an ISR change as a shrink or an expand once the controller accepted it. */
    private CompletableFuture<AlterPartitionResult> countIsrChange(AlterPartitionRequest request,
                                                                   CompletableFuture<AlterPartitionResult> sent) {
        List<Integer> before = registry.partition(request.topic(), request.partition())
                .map(p -> p.leadership().isr()).orElse(List.of());
        return sent.whenComplete((result, failure) -> {
            if (failure == null && result.error() == ErrorCode.NONE && storeMetrics != null) {
                storeMetrics.isrChanged(before, request.newIsr());
            }
        });
    }
}
