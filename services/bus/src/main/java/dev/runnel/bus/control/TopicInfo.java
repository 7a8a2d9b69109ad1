package dev.runnel.bus.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A topic: its id (handed to Kafka clients as the topic id), its explicitly set configs (Kafka names;
 * defaults are not listed), and its partitions in partition order.
 */
public record TopicInfo(String name, UUID id, Map<String, String> configs, List<PartitionInfo> partitions) {

    public Optional<PartitionInfo> partition(int partition) {
        return partition >= 0 && partition < partitions.size()
                ? Optional.of(partitions.get(partition)) : Optional.empty();
    }
}
