package dev.runnel.bus.group;

import java.util.List;
import java.util.Optional;

/**
 * OffsetFetch for one group.
 *
 * @param partitions null for every partition the group has committed
 */
public record OffsetFetchRequest(String groupId, List<TopicPartitionRef> partitions) {

    public Optional<List<TopicPartitionRef>> requested() {
        return Optional.ofNullable(partitions);
    }
}
