package dev.runnel.store.core;

import java.util.List;

/**
 * What applying one {@code ClusterMetadata} did to this store's replicas.
 *
 * @param applied false when the metadata was not newer than what had been applied (nothing changed)
 */
public record MetadataChanges(long version, boolean applied, List<TopicPartition> opened, List<TopicPartition> deleted) {

    static MetadataChanges stale(long version) {
        return new MetadataChanges(version, false, List.of(), List.of());
    }
}
