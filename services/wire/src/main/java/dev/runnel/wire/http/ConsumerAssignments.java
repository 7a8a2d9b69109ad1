package dev.runnel.wire.http;

import dev.runnel.bus.group.TopicPartitionRef;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads a consumer-protocol member assignment (the bytes a group leader hands each member), so the gateway's
 * HTTP API can show which partitions a member owns without importing kafka-clients itself.
 */
public final class ConsumerAssignments {
    private ConsumerAssignments() {
    }

    /** The assigned partitions, or empty when the bytes are empty or not a consumer-protocol assignment. */
    public static List<TopicPartitionRef> partitions(byte[] assignment) {
        if (assignment == null || assignment.length == 0) {
            return List.of();
        }
        try {
            return ConsumerProtocol.deserializeAssignment(ByteBuffer.wrap(assignment)).partitions().stream()
                    .map(tp -> new TopicPartitionRef(tp.topic(), tp.partition())).toList();
        } catch (RuntimeException notConsumerProtocol) {
            return List.of();
        }
    }
}
