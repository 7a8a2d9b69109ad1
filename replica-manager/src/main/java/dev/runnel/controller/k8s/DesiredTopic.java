package dev.runnel.controller.k8s;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Topic resource's spec reduced to what the planner needs, free of the Kubernetes model.
 *
 * @param name   the Kafka topic name
 * @param config explicitly set configs (Kafka names); names left out take the defaults
 */
public record DesiredTopic(String name, int partitions, int replicas, Map<String, String> config) {
    public DesiredTopic {
        config = Map.copyOf(new TreeMap<>(config));
    }

    static DesiredTopic of(Topic resource) {
        TopicSpec spec = resource.getSpec();
        return new DesiredTopic(resource.topicName(), spec.getPartitions(), spec.getReplicas(),
                spec.getConfig() == null ? Map.of() : spec.getConfig());
    }
}
