package dev.runnel.gateway;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.codec.BusCodecs;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.gateway.core.BusBackend;
import dev.runnel.gateway.core.BusGroupBackend;
import dev.runnel.gateway.core.MetadataCache;
import dev.runnel.gateway.core.MeteredKafkaBackend;
import dev.runnel.wire.GatewayIdentity;
import dev.runnel.wire.KafkaServer;
import dev.runnel.wire.WireSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the gateway together: the metadata cache fed by the replica-manager, the bus-backed Kafka
 * backend, the group backend (to the offset-service), and the Kafka listener, which opens once the first metadata has arrived (so the first
 * client never sees an empty cluster).
 */
@ApplicationScoped
public class GatewayService {
    private static final Logger LOG = Logger.getLogger(GatewayService.class);

    @Inject
    Vertx vertx;
    @Inject
    GatewayConfig config;
    @Inject
    MeterRegistry meters;

    private final MetadataCache metadata = new MetadataCache();
    private final AtomicReference<KafkaServer> server = new AtomicReference<>();
    private boolean listenerRequested;
    private BusBackend backend;
    /** The backend as clients use it: every produce and fetch, Kafka or HTTP, counted per topic. */
    private MeteredKafkaBackend metered;
    private BusGroupBackend groups;
    private GatewayMetrics gatewayMetrics;

    void start(@Observes StartupEvent event) {
        BusCodecs.registerAll(vertx.eventBus());
        gatewayMetrics = new GatewayMetrics(meters);
        backend = new BusBackend(vertx.eventBus(), metadata, gatewayMetrics);
        metered = new MeteredKafkaBackend(backend, gatewayMetrics);
        groups = new BusGroupBackend(vertx.eventBus(), gatewayMetrics);
        vertx.eventBus().<ClusterMetadata>consumer(Addresses.METADATA_UPDATES, m -> metadata.apply(m.body()));
        refresh();
        vertx.setPeriodic(config.metadataRefreshMs(), id -> refresh());
    }

    private void refresh() {
        backend.refreshMetadata()
                .onSuccess(m -> startListenerOnce(m.clusterId()))
                .onFailure(e -> LOG.debugf("metadata not available yet: %s", e.getMessage()));
    }

    private synchronized void startListenerOnce(String clusterId) {
        if (listenerRequested) {
            return;
        }
        listenerRequested = true;
        GatewayIdentity identity = new GatewayIdentity(config.nodeId(),
                config.advertisedHost().orElse(config.kafkaHost()), config.kafkaPort());
        WireSettings settings = WireSettings.defaults(clusterId)
                .withListener(config.kafkaHost(), config.kafkaPort())
                .withMaxFrameBytes(config.maxFrameBytes())
                .withAutoCreateTopics(config.autoCreateTopics(), -1, (short) -1);
        new KafkaServer(vertx, metered, groups, identity, settings,
                gatewayMetrics).start()
                .onSuccess(started -> {
                    server.set(started);
                    LOG.infof("Kafka listener on %s:%d (cluster %s)", config.kafkaHost(), started.actualPort(), clusterId);
                })
                .onFailure(e -> {
                    synchronized (this) {
                        listenerRequested = false;
                    }
                    LOG.errorf(e, "cannot open the Kafka listener on %s:%d", config.kafkaHost(), config.kafkaPort());
                });
    }

    void stop(@Observes ShutdownEvent event) {
        Optional.ofNullable(server.get()).ifPresent(KafkaServer::close);
    }

    public MetadataCache metadata() {
        return metadata;
    }

    public BusBackend backend() {
        return backend;
    }

    /** Produce and fetch for the HTTP API: the same metered path as Kafka clients. */
    public MeteredKafkaBackend records() {
        return metered;
    }

    public BusGroupBackend groups() {
        return groups;
    }

    /** Whether clients can produce: the listener is open and at least one store is live. */
    public boolean acceptsProduce() {
        return server.get() != null
                && metadata.current().map(m -> !m.stores().isEmpty()).orElse(false);
    }
}
