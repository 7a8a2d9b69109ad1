package dev.runnel.controller.k8s;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What the operator observed, written by {@link TopicStatusWriter} only when it changes. */
public class TopicStatus {
    @JsonPropertyDescription("Conditions of the topic; type Ready says whether the topic matches the spec.")
    private List<TopicCondition> conditions = new ArrayList<>();

    @JsonPropertyDescription("The metadata.generation the status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("The Kafka topic this resource manages.")
    private String topicName;

    @JsonPropertyDescription("The Kafka topic id.")
    private String topicId;

    @JsonPropertyDescription("Whether this resource created the topic and so deletes it; false for a topic that was created over the Kafka API and adopted.")
    private Boolean owned;

    @JsonPropertyDescription("Leader and in-sync replicas of each partition, as the replica-manager last published them.")
    private List<PartitionStatus> partitions = new ArrayList<>();

    public List<TopicCondition> getConditions() {
        return conditions;
    }

    public void setConditions(List<TopicCondition> conditions) {
        this.conditions = conditions;
    }

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getTopicName() {
        return topicName;
    }

    public void setTopicName(String topicName) {
        this.topicName = topicName;
    }

    public String getTopicId() {
        return topicId;
    }

    public void setTopicId(String topicId) {
        this.topicId = topicId;
    }

    public Boolean getOwned() {
        return owned;
    }

    public void setOwned(Boolean owned) {
        this.owned = owned;
    }

    public List<PartitionStatus> getPartitions() {
        return partitions;
    }

    public void setPartitions(List<PartitionStatus> partitions) {
        this.partitions = partitions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicStatus that && Objects.equals(conditions, that.conditions)
                && Objects.equals(observedGeneration, that.observedGeneration) && Objects.equals(topicName, that.topicName)
                && Objects.equals(topicId, that.topicId) && Objects.equals(owned, that.owned)
                && Objects.equals(partitions, that.partitions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(conditions, observedGeneration, topicName, topicId, owned, partitions);
    }
}
