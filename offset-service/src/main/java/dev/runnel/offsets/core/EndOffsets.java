package dev.runnel.offsets.core;

import dev.runnel.bus.group.TopicPartitionRef;
import io.vertx.core.Future;

import java.util.Map;
import java.util.Set;

/** Where partitions end for consumers: the high watermark each partition's leader reports. */
public interface EndOffsets {

    /**
     * The latest offset (Kafka's ListOffsets LATEST) of each partition whose leader answered; partitions
     * without a leader or with an error are left out, never guessed.
     */
    Future<Map<TopicPartitionRef, Long>> latest(Set<TopicPartitionRef> partitions);
}
