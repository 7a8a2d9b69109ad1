package dev.runnel.bus.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeListener;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Who is in the event-bus cluster, as the Vert.x cluster manager (Hazelcast) sees it: this JVM's node id
 * and the departures of other nodes. Vert.x 4.5 has no public API for either, so both go through
 * {@link VertxInternal#getClusterManager()}.
 *
 * <p>How fast a departure is seen depends on Hazelcast's failure detection
 * ({@link HazelcastClusterManagers}): a killed process's connections are refused at once and its member is
 * removed within about a second; a silent (hung) one after {@code hazelcast.max.no.heartbeat.seconds}.
 * Vert.x calls the listener only after it has removed the departed node's event-bus subscriptions from
 * the cluster-wide map; with a hung member that cleanup was seen to block for two minutes and fail, so
 * no departure was reported at all — membership is a fast path, never the only one.
 */
public final class ClusterMembership {
    private ClusterMembership() {
    }

    /** This JVM's node id in the event-bus cluster; empty when Vert.x runs without a cluster manager. */
    public static Optional<String> localNodeId(Vertx vertx) {
        return clusterManager(vertx).map(ClusterManager::getNodeId);
    }

    /**
     * Calls {@code onLeft} with the node id of every member that leaves the cluster from now on. It runs on
     * a cluster-manager (Hazelcast) thread: hop onto a Vert.x context before touching confined state.
     *
     * <p>The cluster manager holds a single {@link NodeListener}, which replaces any earlier one: Vert.x
     * itself only sets one for high availability (verticle fail-over), which Runnel does not enable, so
     * exactly one component per JVM may call this (the replica-manager's controller).
     *
     * @return false (and nothing registered) when Vert.x runs without a cluster manager
     */
    public static boolean onNodeLeft(Vertx vertx, Consumer<String> onLeft) {
        Optional<ClusterManager> manager = clusterManager(vertx);
        manager.ifPresent(m -> m.nodeListener(new NodeListener() {
            @Override
            public void nodeAdded(String nodeId) {
                // a new member announces itself by its own means (a store by its heartbeat)
            }

            @Override
            public void nodeLeft(String nodeId) {
                // Vert.x reports a departure only after cleaning the node's subscriptions, which can take
                // minutes when the cluster is unsettled; by then the node may have merged back
                if (!m.getNodes().contains(nodeId)) {
                    onLeft.accept(nodeId);
                }
            }
        }));
        return manager.isPresent();
    }

    private static Optional<ClusterManager> clusterManager(Vertx vertx) {
        return vertx instanceof VertxInternal internal ? Optional.ofNullable(internal.getClusterManager()) : Optional.empty();
    }
}
