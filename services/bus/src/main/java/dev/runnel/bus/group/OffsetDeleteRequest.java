package dev.runnel.bus.group;

import java.util.List;

public record OffsetDeleteRequest(String groupId, List<TopicPartitionRef> partitions) {
}
