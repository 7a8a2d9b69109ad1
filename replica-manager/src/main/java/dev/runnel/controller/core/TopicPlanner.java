package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.bus.control.TopicInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decides what a topic request turns the cluster into, without doing it: each method returns the topic as
 * it will be (or as it was, for a delete) or throws {@link TopicRejectedException}. The caller persists
 * the result and then applies it to {@link ClusterState}. Pure apart from the topic-id supplier.
 */
public final class TopicPlanner {
    private final TopicValidator validator;
    private final Supplier<UUID> topicIds;

    public TopicPlanner(TopicValidator validator, Supplier<UUID> topicIds) {
        this.validator = validator;
        this.topicIds = topicIds;
    }

    /** A new topic: validated, replicas placed on live stores (rack-aware), leader = first replica, epoch 0, ISR = replicas. */
    public TopicInfo planCreate(CreateTopicRequest request, ClusterState state) {
        String name = request.name();
        validator.checkName(name);
        if (state.topic(name).isPresent()) {
            throw new TopicRejectedException(ErrorCode.TOPIC_ALREADY_EXISTS, "Topic '" + name + "' already exists.");
        }
        validator.checkNoCollision(name, state.topicNames());
        int partitions = validator.partitions(name, request.partitions());
        List<Integer> live = state.liveStoreIds();
        int replicationFactor = validator.replicationFactor(name, request.replicationFactor(), live.size());
        Map<String, String> configs = validator.configs(name, request.configs() == null ? Map.of() : request.configs());
        List<PartitionInfo> assignment = newPartitions(name, live, state.liveStoreRacks(), 0, partitions, replicationFactor);
        return new TopicInfo(name, topicIds.get(), Collections.unmodifiableMap(new TreeMap<>(configs)), assignment);
    }

    /** The topic to delete. */
    public TopicInfo planDelete(String name, ClusterState state) {
        return requireTopic(name, state);
    }

    /** The topic grown to {@code request.totalCount()} partitions; the new ones placed like at creation. */
    public TopicInfo planGrowth(NewPartitions request, ClusterState state) {
        TopicInfo topic = requireTopic(request.name(), state);
        int current = topic.partitions().size();
        if (request.totalCount() == current) {
            throw new TopicRejectedException(ErrorCode.INVALID_PARTITIONS, "Topic " + topic.name() + " already has "
                    + current + " partitions.");
        }
        if (request.totalCount() < current) {
            throw new TopicRejectedException(ErrorCode.INVALID_PARTITIONS, "Topic " + topic.name() + " currently has "
                    + current + " partitions, which is higher than the requested " + request.totalCount()
                    + ": partitions can be added but never removed.");
        }
        validator.partitions(topic.name(), request.totalCount());
        int replicationFactor = replicationFactor(topic);
        List<Integer> live = state.liveStoreIds();
        validator.checkEnoughStores(topic.name(), replicationFactor, live.size());
        List<PartitionInfo> partitions = new ArrayList<>(topic.partitions());
        partitions.addAll(newPartitions(topic.name(), live, state.liveStoreRacks(), current, request.totalCount() - current, replicationFactor));
        return new TopicInfo(topic.name(), topic.id(), topic.configs(), List.copyOf(partitions));
    }

    /** The topic with {@code set} configs replacing and {@code delete} configs reverting to their defaults. */
    public TopicInfo planConfigChange(TopicConfigChange change, ClusterState state) {
        TopicInfo topic = requireTopic(change.name(), state);
        Map<String, String> set = change.set() == null ? Map.of() : change.set();
        List<String> delete = change.delete() == null ? List.of() : change.delete();
        validator.configs(topic.name(), set);
        Set<String> both = new HashSet<>(set.keySet());
        both.retainAll(delete);
        if (!both.isEmpty()) {
            throw new TopicRejectedException(ErrorCode.INVALID_REQUEST, "Configs " + both + " of topic " + topic.name()
                    + " are both set and deleted in one request");
        }
        Optional<String> unknown = delete.stream().filter(n -> !TopicConfigs.defaults().containsKey(n)).findFirst();
        if (unknown.isPresent()) {
            throw new TopicRejectedException(ErrorCode.INVALID_CONFIG, "Unknown topic config name: " + unknown.get()
                    + " (topic " + topic.name() + ")");
        }
        Map<String, String> configs = new TreeMap<>(topic.configs());
        configs.putAll(set);
        delete.forEach(configs::remove);
        return new TopicInfo(topic.name(), topic.id(), Collections.unmodifiableMap(configs), topic.partitions());
    }

    /** The replicas per partition: the size of the first partition's replica list. */
    public static int replicationFactor(TopicInfo topic) {
        return topic.partitions().isEmpty() ? 0 : topic.partitions().get(0).replicas().size();
    }

    /** The topic, or UNKNOWN_TOPIC_OR_PARTITION. */
    public TopicInfo requireTopic(String name, ClusterState state) {
        return state.topic(name == null ? "" : name).orElseThrow(() -> new TopicRejectedException(
                ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "This server does not host this topic: " + name));
    }

    private static List<PartitionInfo> newPartitions(String topic, List<Integer> live, Map<Integer, String> racks, int first,
                                                     int count, int replicationFactor) {
        List<List<Integer>> replicas = ReplicaAssigner.assign(topic, live, racks, first, count, replicationFactor);
        List<PartitionInfo> partitions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<Integer> r = replicas.get(i);
            partitions.add(new PartitionInfo(first + i, r.get(0), 0, r, r));
        }
        return partitions;
    }
}
