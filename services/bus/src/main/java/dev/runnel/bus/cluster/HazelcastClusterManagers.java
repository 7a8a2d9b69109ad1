package dev.runnel.bus.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

import java.util.Optional;

/**
 * Builds the Hazelcast cluster manager for the Vert.x event bus: TCP-IP join to known members on one
 * interface, no multicast, no auto-detection, no phoning home — so a cluster on 127.0.0.1 forms fast and
 * never talks to anything else.
 */
public final class HazelcastClusterManagers {
    private HazelcastClusterManagers() {
    }

    public static HazelcastClusterManager create(ClusterSettings settings) {
        return create(settings, Optional.empty());
    }

    /**
     * @param kubernetesServiceDns when present, members are found through this headless Service's DNS
     *                             records (Hazelcast's Kubernetes discovery in DNS-lookup mode, which needs no
     *                             API-server permission) instead of the TCP-IP member list
     */
    public static HazelcastClusterManager create(ClusterSettings settings, Optional<String> kubernetesServiceDns) {
        // loadConfig keeps the maps and semaphores Vert.x needs; we only change naming and networking
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(settings.name());
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // Failure detection. A SIGKILLed member's connections are refused at once: after a few refused
        // reconnects (connection monitor: 100 ms apart, 3 faults) the master removes it, about a second
        // after the kill. A hung or unreachable member is removed after 6 s without heartbeats (default 60 s),
        // the replica-manager's store session timeout. The replica-manager declares a store dead when its
        // member leaves (docs/replication.md).
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        // A member removed while it was only paused (a long GC, a frozen VM) finds itself alone when it
        // resumes and stays cut off until the split-brain merge check, by default 300 s after start and
        // then every 120 s; checking every 15 s brings it back within seconds
        config.setProperty("hazelcast.merge.first.run.delay.seconds", "15");
        config.setProperty("hazelcast.merge.next.run.delay.seconds", "15");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.port()).setPortAutoIncrement(true).setPortCount(100);
        network.getInterfaces().setEnabled(true).addInterface(settings.host());
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (kubernetesServiceDns.isPresent()) {
            join.getTcpIpConfig().setEnabled(false);
            join.getKubernetesConfig().setEnabled(true)
                    .setProperty("service-dns", kubernetesServiceDns.get())
                    .setProperty("service-port", String.valueOf(settings.port()));
        } else {
            join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        }
        return new HazelcastClusterManager(config);
    }
}
