package dev.runnel.gateway.core;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway's copy of the cluster metadata. Copies arrive by publish and by request, possibly out of
 * order; only a newer version replaces the current one. Safe for concurrent use.
 */
public final class MetadataCache {
    private final AtomicReference<ClusterMetadata> current = new AtomicReference<>();

    /** Keeps {@code metadata} if it is newer than what we have; returns whether it was kept. */
    public boolean apply(ClusterMetadata metadata) {
        ClusterMetadata previous;
        do {
            previous = current.get();
            if (previous != null && previous.version() >= metadata.version()) {
                return false;
            }
        } while (!current.compareAndSet(previous, metadata));
        return true;
    }

    public Optional<ClusterMetadata> current() {
        return Optional.ofNullable(current.get());
    }

    public Optional<PartitionInfo> partition(String topic, int partition) {
        return current().flatMap(m -> m.topic(topic)).flatMap(t -> t.partition(partition));
    }

    public boolean hasTopic(String topic) {
        return current().flatMap(m -> m.topic(topic)).isPresent();
    }

    public Optional<TopicInfo> topic(String topic) {
        return current().flatMap(m -> m.topic(topic));
    }
}
