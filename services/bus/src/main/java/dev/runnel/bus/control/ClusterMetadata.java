package dev.runnel.bus.control;

import java.util.List;
import java.util.Optional;

/**
 * Everything the gateway and the stores need to route: live stores, topics, and who leads what.
 * {@code version} grows with every change, so a receiver can ignore stale copies.
 */
public record ClusterMetadata(long version, String clusterId, List<StoreInfo> stores, List<TopicInfo> topics) {

    public Optional<TopicInfo> topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<StoreInfo> store(int brokerId) {
        return stores.stream().filter(s -> s.brokerId() == brokerId).findFirst();
    }
}
