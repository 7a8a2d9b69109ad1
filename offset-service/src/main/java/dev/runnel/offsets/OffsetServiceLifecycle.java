package dev.runnel.offsets;

import dev.runnel.bus.codec.BusCodecs;
import dev.runnel.offsets.core.CoordinatorSettings;
import dev.runnel.offsets.core.GroupLagSnapshot;
import dev.runnel.pg.PgSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the offset-service when Quarkus starts: registers the bus codecs and deploys
 * {@link OffsetServiceVerticle}. If PostgreSQL is not reachable yet, the deployment is retried every
 * {@code runnel.offsets.start-retry-ms}; readiness stays down until it succeeds. A missing
 * {@code RUNNEL_PG_URL} fails the start at once: no retry can fix it.
 */
@ApplicationScoped
public class OffsetServiceLifecycle {
    private static final Logger LOG = Logger.getLogger(OffsetServiceLifecycle.class);

    private final AtomicReference<Optional<OffsetServiceVerticle>> running = new AtomicReference<>(Optional.empty());
    private volatile boolean stopping;

    // Quarkus maps the environment variable RUNNEL_PG_URL to runnel.pg.url
    @ConfigProperty(name = "runnel.pg.url")
    Optional<String> pgUrl;
    @ConfigProperty(name = "runnel.pg.database", defaultValue = PgSettings.DEFAULT_DATABASE)
    String pgDatabase;
    @ConfigProperty(name = "runnel.pg.pool-size", defaultValue = "4")
    int pgPoolSize;
    @ConfigProperty(name = "runnel.offsets.pg-probe-ms", defaultValue = "2000")
    long pgProbeMs;
    @ConfigProperty(name = "runnel.offsets.lag-sample-ms", defaultValue = "5000")
    long lagSampleMs;
    @ConfigProperty(name = "runnel.offsets.start-retry-ms", defaultValue = "2000")
    long startRetryMs;
    // Kafka's broker settings, under Kafka's names
    @ConfigProperty(name = "group.initial.rebalance.delay.ms", defaultValue = "3000")
    long initialRebalanceDelayMs;
    @ConfigProperty(name = "group.min.session.timeout.ms", defaultValue = "6000")
    long minSessionTimeoutMs;
    @ConfigProperty(name = "group.max.session.timeout.ms", defaultValue = "1800000")
    long maxSessionTimeoutMs;
    @ConfigProperty(name = "group.max.size", defaultValue = "2147483647")
    int maxGroupSize;
    @ConfigProperty(name = "offset.metadata.max.bytes", defaultValue = "4096")
    int offsetMetadataMaxBytes;

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        BusCodecs.registerAll(vertx.eventBus());
        PgSettings pg = PgSettings.resolve(Map.of(), pgUrl, Optional.of(pgDatabase));
        CoordinatorSettings coordinator = new CoordinatorSettings(Duration.ofMillis(minSessionTimeoutMs),
                Duration.ofMillis(maxSessionTimeoutMs), Duration.ofMillis(initialRebalanceDelayMs), maxGroupSize,
                offsetMetadataMaxBytes);
        deploy(vertx, pg, new OffsetServiceSettings(coordinator, pgPoolSize, Duration.ofMillis(pgProbeMs),
                Duration.ofMillis(lagSampleMs)));
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** True once the schema is migrated and every bus consumer registered cluster-wide. */
    public boolean isStarted() {
        return running.get().isPresent();
    }

    /** True while the last probe reached PostgreSQL (commits would be durable). */
    public boolean databaseReachable() {
        return running.get().map(OffsetServiceVerticle::databaseReachable).orElse(false);
    }

    /** The last consumer-lag sample, once started and sampled. */
    public Optional<GroupLagSnapshot> groupLag() {
        return running.get().flatMap(OffsetServiceVerticle::groupLag);
    }

    private void deploy(Vertx vertx, PgSettings pg, OffsetServiceSettings settings) {
        OffsetServiceVerticle verticle = new OffsetServiceVerticle(pg, settings);
        vertx.deployVerticle(verticle).onComplete(ar -> {
            if (ar.succeeded()) {
                running.set(Optional.of(verticle));
            } else if (!stopping) {
                LOG.errorf(ar.cause(), "Offset-service could not start (PostgreSQL %s); retrying in %d ms", pg, startRetryMs);
                vertx.setTimer(startRetryMs, retry -> deploy(vertx, pg, settings));
            }
        });
    }
}
