package dev.runnel.store;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.HeartbeatAck;
import dev.runnel.bus.control.MetadataRequest;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.store.core.LogErrors;
import dev.runnel.store.core.MetadataChanges;
import dev.runnel.store.core.OrderedExecutor;
import dev.runnel.store.core.PartitionRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the store's replicas in line with the replica-manager's metadata and tells it the store is
 * alive: a {@link StoreHeartbeat} every second (a quiet retry while no controller answers), naming the
 * store's event-bus node so the replica-manager also sees the store die when that node leaves the cluster; metadata is
 * requested at start and whenever a {@link HeartbeatAck} shows a newer version, and every published
 * update is applied. Applying does file I/O, so it runs on the metadata queue, one at a time, in order;
 * the registry ignores versions not newer than the one applied.
 */
final class MetadataFollower {
    private static final Logger LOG = Logger.getLogger(MetadataFollower.class);
    private static final long HEARTBEAT_INTERVAL_MS = 1000;
    private static final long METADATA_TIMEOUT_MS = 5000;

    private final Vertx vertx;
    private final PartitionRegistry registry;
    private final OrderedExecutor metadataQueue;
    private final StoreHeartbeat identity;
    private final Runnable afterApply;
    private final AtomicBoolean metadataRequestInFlight = new AtomicBoolean();
    private volatile boolean controllerReachable = true;
    private MessageConsumer<ClusterMetadata> updates;
    private long heartbeatTimer = -1;

    /** @param afterApply runs (on the metadata queue) after each snapshot that changed something was applied */
    MetadataFollower(Vertx vertx, PartitionRegistry registry, OrderedExecutor metadataQueue, StoreHeartbeat identity,
                     Runnable afterApply) {
        this.afterApply = afterApply;
        this.vertx = vertx;
        this.registry = registry;
        this.metadataQueue = metadataQueue;
        this.identity = identity;
    }

    void start() {
        updates = vertx.eventBus().consumer(Addresses.METADATA_UPDATES, message -> apply(message.body(), "published update"));
        requestMetadata();
        heartbeatTimer = vertx.setPeriodic(HEARTBEAT_INTERVAL_MS, id -> heartbeat());
    }

    void stop() {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        if (updates != null) {
            updates.unregister();
        }
    }

    private void heartbeat() {
        StoreHeartbeat heartbeat = new StoreHeartbeat(identity.brokerId(), identity.rack(), identity.httpAddress(),
                registry.appliedMetadataVersion(), identity.nodeId());
        vertx.eventBus().<HeartbeatAck>request(Addresses.CONTROLLER_STORE_HEARTBEAT, heartbeat,
                new DeliveryOptions().setSendTimeout(HEARTBEAT_INTERVAL_MS)).onComplete(reply -> {
            if (reply.failed()) {
                if (controllerReachable) {
                    LOG.infof("No controller answers heartbeats (%s); retrying every second", reply.cause().getMessage());
                    controllerReachable = false;
                }
                return;
            }
            if (!controllerReachable) {
                LOG.info("The controller answers heartbeats again");
                controllerReachable = true;
            }
            if (reply.result().body().metadataVersion() > registry.appliedMetadataVersion()) {
                requestMetadata();
            }
        });
    }

    private void requestMetadata() {
        if (!metadataRequestInFlight.compareAndSet(false, true)) {
            return;
        }
        vertx.eventBus().<ClusterMetadata>request(Addresses.CONTROLLER_METADATA,
                new MetadataRequest("partition-store-" + identity.brokerId()),
                new DeliveryOptions().setSendTimeout(METADATA_TIMEOUT_MS)).onComplete(reply -> {
            metadataRequestInFlight.set(false);
            if (reply.succeeded()) {
                apply(reply.result().body(), "requested snapshot");
            } else {
                LOG.debugf("Metadata request failed: %s", reply.cause().getMessage());
            }
        });
    }

    private void apply(ClusterMetadata metadata, String source) {
        metadataQueue.submit(() -> {
            MetadataChanges changes = registry.applyMetadata(metadata);
            if (changes.applied()) {
                afterApply.run();
            }
            return changes;
        }).whenComplete((changes, failure) -> {
            if (failure != null) {
                LOG.errorf(LogErrors.unwrap(failure), "Applying metadata version %d failed", metadata.version());
            } else if (changes.applied()) {
                log(changes, source);
            }
        });
    }

    private static void log(MetadataChanges changes, String source) {
        LOG.infof("Applied metadata version %d (%s): opened %s, deleted %s", changes.version(), source,
                changes.opened(), changes.deleted());
    }
}
