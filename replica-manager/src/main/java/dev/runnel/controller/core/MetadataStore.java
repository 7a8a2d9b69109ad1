package dev.runnel.controller.core;

import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable cluster metadata: topics, partition assignments, the cluster id and controller epoch, producer
 * ids. Each method is atomic (one transaction) and completes on the caller's Vert.x context. The
 * controller calls one method at a time, so implementations need no ordering of their own.
 */
public interface MetadataStore {

    /** Creates the cluster id on first use (keeping an existing one) and increments the controller epoch. */
    Future<ControllerSession> startSession(String proposedClusterId);

    /** All topics with their partitions in partition order, topics by name. */
    Future<List<TopicInfo>> loadTopics();

    /** Owners of the topics that have one (see {@link #createTopic(TopicInfo, Optional)}), by topic name. */
    Future<Map<String, String>> loadOwners();

    /** Inserts the topic and all its partitions, without an owner (a topic created over the Kafka API). */
    default Future<Void> createTopic(TopicInfo topic) {
        return createTopic(topic, Optional.empty());
    }

    /**
     * Inserts the topic, its owner and all its partitions in one transaction, so a topic never exists
     * without the owner that created it.
     *
     * @param owner who manages the topic (e.g. a Kubernetes Topic resource); empty for the Kafka API
     */
    Future<Void> createTopic(TopicInfo topic, Optional<String> owner);

    /** Deletes the topic with this name and id, and its partitions; fails if it is not there. */
    Future<Void> deleteTopic(String name, UUID id);

    /** Adds partitions to an existing topic. */
    Future<Void> addPartitions(String topic, List<PartitionInfo> partitions);

    /** Replaces the topic's explicitly set configs. */
    Future<Void> updateConfigs(String topic, Map<String, String> configs);

    /** Replaces a partition's leader, leader epoch, replicas, ISR and partition epoch (leader elections, ISR changes). */
    Future<Void> updatePartition(String topic, PartitionInfo partition);

    /** {@link #updatePartition} for several partitions in one transaction: all or none. */
    Future<Void> updatePartitions(List<PartitionChange> changes);

    /** A producer id never handed out before. */
    Future<Long> nextProducerId();
}
