package dev.runnel.gateway.core;

import dev.runnel.bus.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Splits a request's partitions by leading store, using the metadata cache. Partitions that cannot be
 * routed are handed to {@code unroutable} with the Kafka error the client should see: unknown topic or
 * partition, or a known partition without a leader (the client retries after a metadata refresh).
 */
final class Router {
    private final MetadataCache metadata;

    Router(MetadataCache metadata) {
        this.metadata = metadata;
    }

    PartitionRoute route(String topic, int partition) {
        return metadata.partition(topic, partition)
                .map(p -> p.leader() < 0 ? PartitionRoute.unroutable(ErrorCode.LEADER_NOT_AVAILABLE) : PartitionRoute.to(p.leader()))
                .orElse(PartitionRoute.unroutable(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
    }

    <T> Map<Integer, List<T>> byLeader(List<T> items, Function<T, String> topic, Function<T, Integer> partition,
                                      BiConsumer<T, ErrorCode> unroutable) {
        Map<Integer, List<T>> groups = new LinkedHashMap<>();
        for (T item : items) {
            PartitionRoute route = route(topic.apply(item), partition.apply(item));
            if (route.routable()) {
                groups.computeIfAbsent(route.leader(), k -> new ArrayList<>()).add(item);
            } else {
                unroutable.accept(item, route.error());
            }
        }
        return groups;
    }
}
