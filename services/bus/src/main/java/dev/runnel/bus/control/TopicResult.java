package dev.runnel.bus.control;

import dev.runnel.bus.ErrorCode;

import java.util.Map;
import java.util.UUID;

/**
 * The outcome of a topic operation.
 *
 * @param id null on error
 * @param message null when {@code error} is NONE
 */
public record TopicResult(String name, UUID id, ErrorCode error, String message, int partitions,
                          short replicationFactor, Map<String, String> configs) {

    public static TopicResult failed(String name, ErrorCode error, String message) {
        return new TopicResult(name, null, error, message, -1, (short) -1, Map.of());
    }
}
