package dev.runnel.controller;

import dev.runnel.bus.codec.BusCodecs;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.controller.core.Controller;
import dev.runnel.controller.core.TopicValidator;
import dev.runnel.pg.PgSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Starts the replica-manager when Quarkus starts: registers the bus codecs, then competes for the
 * {@link ControllerLease}. The holder deploys {@link ControllerVerticle} (the active controller); the others
 * stand by and take over when the holder dies. If PostgreSQL is not reachable yet (the launcher starts
 * everything at once), the lease and the deployment are retried every {@code runnel.controller.start-retry-ms}.
 * A replica-manager that loses the lease undeploys its controller and stands by again. Ready = an active
 * controller that has started, or a healthy standby. A missing {@code RUNNEL_PG_URL} fails the start at once.
 */
@ApplicationScoped
public class ControllerLifecycle {
    private static final Logger LOG = Logger.getLogger(ControllerLifecycle.class);

    private final AtomicReference<Optional<ControllerVerticle>> running = new AtomicReference<>(Optional.empty());
    private volatile boolean stopping;
    private volatile Optional<ControllerLease> lease = Optional.empty();
    private volatile Optional<String> deploymentId = Optional.empty();

    // Quarkus maps the environment variable RUNNEL_PG_URL to runnel.pg.url
    @ConfigProperty(name = "runnel.pg.url")
    Optional<String> pgUrl;
    @ConfigProperty(name = "runnel.pg.database", defaultValue = PgSettings.DEFAULT_DATABASE)
    String pgDatabase;
    @ConfigProperty(name = "runnel.pg.pool-size", defaultValue = "4")
    int pgPoolSize;
    @ConfigProperty(name = "runnel.default.partitions", defaultValue = "1")
    int defaultPartitions;
    @ConfigProperty(name = "runnel.default.replication.factor", defaultValue = "1")
    short defaultReplicationFactor;
    @ConfigProperty(name = "runnel.controller.max-partitions-per-topic", defaultValue = "10000")
    int maxPartitionsPerTopic;
    @ConfigProperty(name = "runnel.controller.store-session-timeout-ms", defaultValue = "6000")
    long storeSessionTimeoutMs;
    @ConfigProperty(name = "runnel.controller.start-retry-ms", defaultValue = "2000")
    long startRetryMs;
    @ConfigProperty(name = "runnel.controller.preferred-leader-check-ms", defaultValue = "10000")
    long preferredLeaderCheckMs;
    @ConfigProperty(name = "runnel.controller.max-concurrent-moves", defaultValue = "4")
    int maxConcurrentMoves;

    void onStart(@Observes StartupEvent event, Vertx vertx) {
        BusCodecs.registerAll(vertx.eventBus());
        PgSettings pg = PgSettings.resolve(Map.of(), pgUrl, Optional.of(pgDatabase));
        ControllerSettings settings = new ControllerSettings(
                new TopicValidator(defaultPartitions, defaultReplicationFactor, maxPartitionsPerTopic),
                Duration.ofMillis(storeSessionTimeoutMs), pgPoolSize, Duration.ofMillis(preferredLeaderCheckMs), maxConcurrentMoves);
        vertx.getOrCreateContext().runOnContext(v -> {
            ControllerLease competing = new ControllerLease(vertx, pg, startRetryMs,
                    () -> deploy(vertx, pg, settings), () -> undeploy(vertx));
            lease = Optional.of(competing);
            competing.start();
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        lease.ifPresent(ControllerLease::stop);
    }

    /**
     * Active: true once the schema is migrated, the metadata loaded and every bus consumer registered
     * cluster-wide. Standby: true (ready to take over).
     */
    public boolean isReady() {
        return running.get().isPresent() || lease.map(l -> !l.isHeld()).orElse(false);
    }

    /** "active", "standby" or "starting". */
    public String role() {
        if (running.get().isPresent()) {
            return "active";
        }
        return lease.map(l -> l.isHeld() ? "starting" : "standby").orElse("starting");
    }

    /**
     * Runs {@code call} against the controller in this process, on the controller's own context (the same
     * path the bus handlers take, so the same validation and ordering). Used by the Kubernetes operator.
     *
     * @return fails with {@link ControllerNotRunningException} while the controller has not started
     */
    public <T> Future<T> onController(Function<Controller, Future<T>> call) {
        return running.get().map(verticle -> verticle.onController(call))
                .orElseGet(() -> Future.failedFuture(new ControllerNotRunningException()));
    }

    public Optional<Long> metadataVersion() {
        return running.get().flatMap(ControllerVerticle::metadataVersion);
    }

    /** The current cluster metadata, once started. */
    public Optional<ClusterMetadata> metadata() {
        return running.get().flatMap(ControllerVerticle::metadata);
    }

    private void deploy(Vertx vertx, PgSettings pg, ControllerSettings settings) {
        if (stopping || !lease.map(ControllerLease::isHeld).orElse(false)) {
            return;
        }
        ControllerVerticle verticle = new ControllerVerticle(pg, settings);
        vertx.deployVerticle(verticle).onComplete(ar -> {
            if (ar.succeeded()) {
                if (!lease.map(ControllerLease::isHeld).orElse(false)) {
                    vertx.undeploy(ar.result()); // lost the lease while starting
                    return;
                }
                deploymentId = Optional.of(ar.result());
                running.set(Optional.of(verticle));
            } else if (!stopping) {
                LOG.errorf(ar.cause(), "Replica-manager could not start (PostgreSQL %s); retrying in %d ms", pg, startRetryMs);
                vertx.setTimer(startRetryMs, retry -> deploy(vertx, pg, settings));
            }
        });
    }

    /** The lease is gone: another replica-manager may be active already, so stop acting at once. */
    private void undeploy(Vertx vertx) {
        running.set(Optional.empty());
        deploymentId.ifPresent(id -> vertx.undeploy(id).onFailure(e -> LOG.warn("Undeploying the controller failed", e)));
        deploymentId = Optional.empty();
    }
}
