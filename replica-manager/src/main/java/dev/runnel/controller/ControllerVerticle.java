package dev.runnel.controller;

import dev.runnel.bus.endpoint.RequestConsumers;
import dev.runnel.bus.Addresses;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.MetadataRequest;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.cluster.ClusterMembership;
import dev.runnel.controller.core.Controller;
import dev.runnel.controller.core.Ids;
import dev.runnel.controller.core.TopicPlanner;
import dev.runnel.controller.pg.PgMetadataStore;
import dev.runnel.pg.PgPools;
import dev.runnel.pg.PgSettings;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * The replica-manager on the event bus. Start: create the database if absent, migrate the schema, load the
 * metadata ({@link Controller#start}), then register the consumers cluster-wide and wait until the
 * registrations have propagated; only then is the start complete (readiness follows it).
 *
 * <p>Every handler runs on this verticle's event-loop context, the one the {@link Controller} is confined
 * to. Handlers are thin: they pass the record to the controller and reply with its answer; an unexpected
 * failure is replied as a failure (code 500) with the message, never left to time out.
 */
final class ControllerVerticle extends AbstractVerticle {
    private static final Logger LOG = Logger.getLogger(ControllerVerticle.class);

    private final PgSettings pgSettings;
    private final ControllerSettings settings;
    private Optional<Pool> pool = Optional.empty();
    private Optional<Controller> controller = Optional.empty();
    private volatile Optional<ClusterMetadata> latest = Optional.empty();
    private volatile boolean stopping;

    ControllerVerticle(PgSettings pgSettings, ControllerSettings settings) {
        this.pgSettings = pgSettings;
        this.settings = settings;
    }

    @Override
    public void start(Promise<Void> started) {
        PgPools.openMigrated(vertx, pgSettings, settings.pgPoolSize(), PgMetadataStore.COMPONENT, PgMetadataStore.MIGRATIONS)
                .compose(migratedPool -> {
                    pool = Optional.of(migratedPool);
                    Controller c = new Controller(new PgMetadataStore(migratedPool),
                            new TopicPlanner(settings.topicValidator(), Ids::newTopicId),
                            Clock.systemUTC(), settings.storeSessionTimeout(),
                            metadata -> {
                                latest = Optional.of(metadata);
                                vertx.eventBus().publish(Addresses.METADATA_UPDATES, metadata);
                            }).maxConcurrentMoves(settings.maxConcurrentMoves());
                    controller = Optional.of(c);
                    return c.start();
                })
                .compose(metadata -> registerConsumers(controller.orElseThrow()))
                .onSuccess(registered -> {
                    Controller c = controller.orElseThrow();
                    watchMembership();
                    // a store whose heartbeats stopped (and whose node did not leave) is dead after the session
                    // timeout; checking every second bounds the extra delay
                    vertx.setPeriodic(1000, tick -> {
                        c.expireStores();
                        c.reconcilePartitions();
                        c.rebalance();
                    });
                    vertx.setPeriodic(settings.preferredLeaderCheckInterval().toMillis(), tick -> c.electPreferredLeaders());
                    LOG.infof("Replica-manager ready: metadata version %d, database %s", c.metadata().version(), pgSettings);
                })
                .onComplete(ar -> {
                    if (ar.succeeded()) {
                        started.complete();
                    } else {
                        closePool().onComplete(closed -> started.fail(ar.cause()));
                    }
                });
    }

    @Override
    public void stop(Promise<Void> stopped) {
        stopping = true;
        closePool().onComplete(closed -> stopped.complete());
    }

    /**
     * Declares a store dead as soon as its event-bus node leaves the cluster ({@link Controller#storeNodeLeft}),
     * instead of after its heartbeat session expires. The cluster manager calls back on a Hazelcast thread,
     * so the call hops onto the controller's context. The listener slot is the JVM's only one: a controller
     * deployed after this one (the lease lost and won back) replaces it, and this one ignores departures
     * once stopped.
     */
    private void watchMembership() {
        boolean clustered = ClusterMembership.onNodeLeft(vertx, nodeId -> {
            if (!stopping) {
                onController(c -> c.storeNodeLeft(nodeId))
                        .onFailure(e -> LOG.warnf(e, "Acting on event-bus node %s leaving failed", nodeId));
            }
        });
        if (!clustered) {
            LOG.info("Vert.x is not clustered: store deaths are detected by heartbeats alone");
        }
    }

    /**
     * Runs {@code call} on this verticle's context, the one the controller is confined to, and completes
     * with its result (on that context). Fails if the controller has not started.
     */
    <T> Future<T> onController(Function<Controller, Future<T>> call) {
        Promise<T> result = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                controller.map(call).orElseGet(() -> Future.failedFuture(new IllegalStateException("Controller not started")))
                        .onComplete(result);
            } catch (RuntimeException e) {
                result.fail(e);
            }
        });
        return result.future();
    }

    /** The controller's current metadata version, once started. */
    Optional<Long> metadataVersion() {
        return controller.map(c -> c.metadata().version());
    }

    /** The metadata last published, once started. Safe from any thread: snapshots are immutable copies. */
    Optional<ClusterMetadata> metadata() {
        return latest;
    }

    private Future<Void> registerConsumers(Controller c) {
        RequestConsumers endpoints = new RequestConsumers(vertx.eventBus());
        endpoints.on(Addresses.CONTROLLER_METADATA, (MetadataRequest request) -> Future.succeededFuture(c.metadata()));
        endpoints.on(Addresses.CONTROLLER_STORE_HEARTBEAT, (StoreHeartbeat heartbeat) -> Future.succeededFuture(c.heartbeat(heartbeat)));
        endpoints.on(Addresses.CONTROLLER_CREATE_TOPICS, (CreateTopicsRequest request) -> c.createTopics(request));
        endpoints.on(Addresses.CONTROLLER_DELETE_TOPICS, (DeleteTopicsRequest request) -> c.deleteTopics(request));
        endpoints.on(Addresses.CONTROLLER_CREATE_PARTITIONS, (CreatePartitionsRequest request) -> c.createPartitions(request));
        endpoints.on(Addresses.CONTROLLER_ALTER_CONFIGS, (AlterConfigsRequest request) -> c.alterConfigs(request));
        endpoints.on(Addresses.CONTROLLER_INIT_PRODUCER_ID, (InitProducerIdRequest request) -> c.initProducerId(request));
        endpoints.on(Addresses.CONTROLLER_ALTER_PARTITION, (AlterPartitionRequest request) -> c.alterPartition(request));
        endpoints.on(Addresses.CONTROLLER_ALTER_REASSIGNMENTS, (AlterReassignmentsRequest request) -> c.alterReassignments(request));
        endpoints.on(Addresses.CONTROLLER_LIST_REASSIGNMENTS, (ListReassignmentsRequest request) -> Future.succeededFuture(c.listReassignments(request)));
        return endpoints.registered();
    }

    private Future<Void> closePool() {
        return pool.map(Pool::close).orElse(Future.succeededFuture());
    }
}
