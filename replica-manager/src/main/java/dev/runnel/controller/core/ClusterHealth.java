package dev.runnel.controller.core;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;

import java.util.HashSet;
import java.util.stream.Stream;

/**
 * Cluster-wide replication health read off the metadata the controller publishes: partitions without a
 * leader (offline: neither produce nor fetch works) and partitions with a leader but fewer in-sync
 * replicas than assigned (one more failure from data loss or unavailability). Pure functions.
 */
public final class ClusterHealth {

    private ClusterHealth() {
    }

    public static long offlinePartitions(ClusterMetadata metadata) {
        return partitions(metadata).filter(p -> p.leader() < 0).count();
    }

    public static long underReplicatedPartitions(ClusterMetadata metadata) {
        return partitions(metadata).filter(p -> p.leader() >= 0 && !new HashSet<>(p.isr()).containsAll(p.replicas()))
                .count();
    }

    public static long partitionCount(ClusterMetadata metadata) {
        return partitions(metadata).count();
    }

    private static Stream<PartitionInfo> partitions(ClusterMetadata metadata) {
        return metadata.topics().stream().flatMap(t -> t.partitions().stream());
    }
}
