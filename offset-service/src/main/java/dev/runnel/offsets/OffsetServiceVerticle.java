package dev.runnel.offsets;

import dev.runnel.bus.endpoint.RequestConsumers;
import dev.runnel.bus.Addresses;
import dev.runnel.bus.group.DeleteGroupsRequest;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.LeaveGroupRequest;
import dev.runnel.bus.group.ListGroupsRequest;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetDeleteRequest;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.SyncGroupRequest;
import dev.runnel.offsets.core.GroupCoordinator;
import dev.runnel.offsets.core.GroupLagSampler;
import dev.runnel.offsets.core.GroupLagSnapshot;
import dev.runnel.offsets.pg.PgOffsetStore;
import dev.runnel.pg.PgPools;
import dev.runnel.pg.PgSettings;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;

/**
 * The offset-service on the event bus. Start: create the database if absent, migrate the schema, then
 * register the {@code runnel.groups.*} consumers cluster-wide and wait until the registrations have
 * propagated. PostgreSQL is pinged periodically; {@link #databaseReachable()} feeds readiness.
 *
 * <p>Every handler and every coordinator timer runs on this verticle's event-loop context, the one the
 * {@link GroupCoordinator} is confined to. An unexpected failure is replied as a failure (code 500), never
 * left to time out; the gateway turns it into COORDINATOR_NOT_AVAILABLE.
 */
final class OffsetServiceVerticle extends AbstractVerticle {
    private static final Logger LOG = Logger.getLogger(OffsetServiceVerticle.class);

    private final PgSettings pgSettings;
    private final OffsetServiceSettings settings;
    private Optional<Pool> pool = Optional.empty();
    private volatile boolean databaseReachable;
    private volatile Optional<GroupLagSnapshot> groupLag = Optional.empty();

    OffsetServiceVerticle(PgSettings pgSettings, OffsetServiceSettings settings) {
        this.pgSettings = pgSettings;
        this.settings = settings;
    }

    @Override
    public void start(Promise<Void> started) {
        PgPools.openMigrated(vertx, pgSettings, settings.pgPoolSize(), PgOffsetStore.COMPONENT, PgOffsetStore.MIGRATIONS)
                .compose(migrated -> {
                    pool = Optional.of(migrated);
                    PgOffsetStore store = new PgOffsetStore(migrated);
                    databaseReachable = true;
                    vertx.setPeriodic(settings.pgProbeInterval().toMillis(), tick -> store.ping()
                            .onComplete(ar -> {
                                if (ar.failed() && databaseReachable) {
                                    LOG.warnf("PostgreSQL (%s) unreachable: %s", pgSettings, ar.cause().getMessage());
                                }
                                databaseReachable = ar.succeeded();
                            }));
                    GroupCoordinator coordinator = new GroupCoordinator(store, new VertxScheduler(vertx), Clock.systemUTC(),
                            settings.coordinator());
                    sampleLagPeriodically(new GroupLagSampler(store, new BusEndOffsets(vertx.eventBus()),
                            coordinator::memberCounts, Clock.systemUTC()));
                    return registerConsumers(coordinator);
                })
                .onSuccess(registered -> LOG.infof("Offset-service ready: database %s", pgSettings))
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
        closePool().onComplete(closed -> stopped.complete());
    }

    /** Whether the last probe reached PostgreSQL. */
    boolean databaseReachable() {
        return databaseReachable;
    }

    /** The last consumer-lag sample; empty until the first completes. */
    Optional<GroupLagSnapshot> groupLag() {
        return groupLag;
    }

    // runs on this verticle's context, where the coordinator lives; one sample at a time
    private void sampleLagPeriodically(GroupLagSampler sampler) {
        vertx.setTimer(settings.lagSampleInterval().toMillis(), tick -> sampler.sample()
                .onSuccess(snapshot -> groupLag = Optional.of(snapshot))
                .onFailure(e -> LOG.debugf("consumer lag not sampled: %s", e.getMessage()))
                .onComplete(done -> sampleLagPeriodically(sampler)));
    }

    private Future<Void> registerConsumers(GroupCoordinator c) {
        RequestConsumers endpoints = new RequestConsumers(vertx.eventBus());
        endpoints.on(Addresses.GROUPS_JOIN, (JoinGroupRequest r) -> c.join(r));
        endpoints.on(Addresses.GROUPS_SYNC, (SyncGroupRequest r) -> c.sync(r));
        endpoints.on(Addresses.GROUPS_HEARTBEAT, (HeartbeatRequest r) -> Future.succeededFuture(c.heartbeat(r)));
        endpoints.on(Addresses.GROUPS_LEAVE, (LeaveGroupRequest r) -> Future.succeededFuture(c.leave(r)));
        endpoints.on(Addresses.GROUPS_OFFSET_COMMIT, (OffsetCommitRequest r) -> c.commitOffsets(r));
        endpoints.on(Addresses.GROUPS_OFFSET_FETCH, (OffsetFetchRequest r) -> c.fetchOffsets(r));
        endpoints.on(Addresses.GROUPS_LIST, (ListGroupsRequest r) -> c.listGroups(r));
        endpoints.on(Addresses.GROUPS_DESCRIBE, (DescribeGroupsRequest r) -> c.describeGroups(r));
        endpoints.on(Addresses.GROUPS_DELETE, (DeleteGroupsRequest r) -> c.deleteGroups(r));
        endpoints.on(Addresses.GROUPS_OFFSET_DELETE, (OffsetDeleteRequest r) -> c.deleteOffsets(r));
        return endpoints.registered();
    }

    private Future<Void> closePool() {
        return pool.map(Pool::close).orElse(Future.succeededFuture());
    }
}
