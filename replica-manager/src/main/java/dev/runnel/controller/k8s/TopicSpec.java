package dev.runnel.controller.k8s;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

import java.util.Map;
import java.util.TreeMap;

/** What the user asks for. Validated by the CRD's OpenAPI schema (Kubernetes 1.20: no CEL rules). */
public class TopicSpec {
    @Required
    @Min(1)
    @JsonPropertyDescription("Number of partitions. Can grow; a decrease is refused (Ready=False, PartitionDecreaseRefused).")
    private int partitions;

    @Required
    @Min(1)
    @JsonPropertyDescription("Replicas per partition (replication factor), at most the number of partition-stores. Fixed after creation for now.")
    private int replicas;

    @JsonPropertyDescription("Topic configs by their Kafka names (retention.ms, cleanup.policy, ...). Names left out use the defaults.")
    private Map<String, String> config = new TreeMap<>();

    @Pattern("^[a-zA-Z0-9._-]{1,249}$")
    @JsonPropertyDescription("The Kafka topic name, when it differs from the resource's name. Cannot change once the topic exists.")
    private String topicName;

    public TopicSpec() {
    }

    public TopicSpec(int partitions, int replicas, Map<String, String> config) {
        this.partitions = partitions;
        this.replicas = replicas;
        this.config = new TreeMap<>(config);
    }

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public int getReplicas() {
        return replicas;
    }

    public void setReplicas(int replicas) {
        this.replicas = replicas;
    }

    public Map<String, String> getConfig() {
        return config;
    }

    public void setConfig(Map<String, String> config) {
        this.config = config;
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }
}
