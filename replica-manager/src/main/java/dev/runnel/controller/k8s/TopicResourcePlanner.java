package dev.runnel.controller.k8s;

import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.controller.core.OwnedTopic;
import dev.runnel.controller.core.TopicPlanner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides what a Topic resource asks of the controller, against the controller's current view of the topic,
 * without doing anything: pure, so it is tested without Kubernetes or a database. The controller still
 * validates everything the planned requests carry (the same checks as the Kafka API); the planner refuses
 * up front only what the Kafka API has no request for (a partition decrease, a replication-factor or
 * topic-name change, a topic owned by another resource) and invalid configs, so that an update with a bad
 * config changes nothing at all.
 */
public final class TopicResourcePlanner {

    /**
     * @param desired       the resource's spec
     * @param managedName   the topic name the resource's status recorded (empty before the first success)
     * @param current       the topic as the controller holds it, with its owner (empty: no such topic)
     * @param resourceOwner this resource's owner id ({@link Topic#ownerId()})
     */
    public TopicPlan plan(DesiredTopic desired, Optional<String> managedName, Optional<OwnedTopic> current, String resourceOwner) {
        if (managedName.isPresent() && !managedName.get().equals(desired.name())) {
            return new TopicPlan.Refuse(Reason.TOPIC_NAME_CHANGE_REFUSED, "This resource manages topic '" + managedName.get()
                    + "'; spec.topicName cannot change to '" + desired.name() + "'. Create a new Topic resource instead.");
        }
        Optional<String> badConfig = TopicConfigs.validate(desired.config());
        if (badConfig.isPresent()) {
            return new TopicPlan.Refuse(Reason.INVALID_CONFIG, badConfig.get() + "; nothing was changed.");
        }
        if (current.isEmpty()) {
            return new TopicPlan.Create(new CreateTopicRequest(desired.name(), desired.partitions(),
                    (short) desired.replicas(), desired.config()));
        }
        TopicInfo topic = current.get().topic();
        Optional<String> owner = current.get().owner();
        if (owner.isPresent() && !owner.get().equals(resourceOwner)) {
            return new TopicPlan.Refuse(Reason.OWNED_BY_ANOTHER_RESOURCE, "Topic '" + topic.name() + "' is managed by "
                    + owner.get() + "; nothing was changed.");
        }
        boolean adopted = owner.isEmpty();
        int partitions = topic.partitions().size();
        if (desired.partitions() < partitions) {
            return new TopicPlan.Refuse(Reason.PARTITION_DECREASE_REFUSED, "Topic '" + topic.name() + "' has " + partitions
                    + " partitions; spec.partitions " + desired.partitions() + " would remove some, and partitions can only"
                    + " be added. Nothing was changed.");
        }
        int replicationFactor = TopicPlanner.replicationFactor(topic);
        if (desired.replicas() != replicationFactor) {
            return new TopicPlan.Refuse(Reason.REPLICATION_FACTOR_CHANGE_UNSUPPORTED, "Topic '" + topic.name()
                    + "' has replication factor " + replicationFactor + "; changing it to " + desired.replicas()
                    + " needs partition reassignment, which this operator does not do yet. Nothing was changed.");
        }
        Optional<TopicConfigChange> configChange = configChange(topic, desired.config());
        Optional<NewPartitions> growth = desired.partitions() > partitions
                ? Optional.of(new NewPartitions(topic.name(), desired.partitions())) : Optional.empty();
        if (configChange.isEmpty() && growth.isEmpty()) {
            return new TopicPlan.InSync(adopted);
        }
        return new TopicPlan.Update(configChange, growth, adopted);
    }

    /** Sets what differs, deletes (reverts to default) what the spec no longer names. */
    private static Optional<TopicConfigChange> configChange(TopicInfo topic, Map<String, String> desired) {
        Map<String, String> set = new TreeMap<>();
        desired.forEach((name, value) -> {
            if (!value.equals(topic.configs().get(name))) {
                set.put(name, value);
            }
        });
        List<String> delete = topic.configs().keySet().stream().filter(name -> !desired.containsKey(name)).sorted().toList();
        return set.isEmpty() && delete.isEmpty() ? Optional.empty()
                : Optional.of(new TopicConfigChange(topic.name(), Map.copyOf(set), delete));
    }
}
