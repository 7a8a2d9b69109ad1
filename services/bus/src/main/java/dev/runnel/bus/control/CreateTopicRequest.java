package dev.runnel.bus.control;

import java.util.Map;

/**
 * @param partitions -1 for the cluster default
 * @param replicationFactor -1 for the cluster default
 */
public record CreateTopicRequest(String name, int partitions, short replicationFactor, Map<String, String> configs) {
}
