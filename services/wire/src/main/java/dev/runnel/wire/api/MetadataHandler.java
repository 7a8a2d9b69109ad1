package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.wire.GatewayIdentity;
import dev.runnel.wire.KafkaBackend;
import dev.runnel.wire.WireSettings;
import io.vertx.core.Future;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBroker;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseBrokerCollection;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponsePartition;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopic;
import org.apache.kafka.common.message.MetadataResponseData.MetadataResponseTopicCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.MetadataRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Metadata: this gateway is the only broker, the controller, and the leader (and sole replica) of
 * every partition that has a leader somewhere in Runnel; partitions without one answer
 * LEADER_NOT_AVAILABLE so clients retry. Auto-creation happens only when both the request and
 * {@link WireSettings#autoCreateTopics()} allow it; a topic being created answers LEADER_NOT_AVAILABLE,
 * as Kafka does, and the client asks again.
 */
final class MetadataHandler implements ApiHandler<MetadataRequest> {
    private final KafkaBackend backend;
    private final GatewayIdentity identity;
    private final WireSettings settings;

    MetadataHandler(KafkaBackend backend, GatewayIdentity identity, WireSettings settings) {
        this.backend = backend;
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, MetadataRequest request) {
        return backend.metadata().compose(metadata -> {
            if (request.isAllTopics()) {
                List<MetadataResponseTopic> topics = metadata.topics().stream().map(this::describe).toList();
                return Future.succeededFuture(response(metadata, topics));
            }
            return describeRequested(metadata, request).map(topics -> response(metadata, topics));
        });
    }

    private Future<List<MetadataResponseTopic>> describeRequested(ClusterMetadata metadata, MetadataRequest request) {
        List<MetadataResponseTopic> answers = new ArrayList<>();
        List<String> toCreate = new ArrayList<>();
        for (MetadataRequestTopic wanted : request.data().topics()) {
            if (wanted.name() == null) {
                Uuid id = wanted.topicId();
                answers.add(TopicLookup.byId(metadata, id).map(this::describe).orElseGet(() ->
                        new MetadataResponseTopic().setTopicId(id).setErrorCode(Errors.UNKNOWN_TOPIC_ID.code())));
                continue;
            }
            String name = wanted.name();
            if (TopicNames.problem(name).isPresent()) {
                answers.add(failed(name, Errors.INVALID_TOPIC_EXCEPTION));
            } else if (metadata.topic(name).isPresent()) {
                answers.add(describe(metadata.topic(name).get()));
            } else if (settings.autoCreateTopics() && request.allowAutoTopicCreation()) {
                toCreate.add(name);
                answers.add(failed(name, Errors.LEADER_NOT_AVAILABLE));
            } else {
                answers.add(failed(name, Errors.UNKNOWN_TOPIC_OR_PARTITION));
            }
        }
        if (toCreate.isEmpty()) {
            return Future.succeededFuture(answers);
        }
        List<CreateTopicRequest> creates = toCreate.stream().map(name -> new CreateTopicRequest(name,
                settings.autoCreatePartitions(), settings.autoCreateReplicationFactor(), Map.of())).toList();
        return backend.createTopics(new CreateTopicsRequest(creates, false)).map(results -> {
            // a refused auto-create (bad config, policy) tells the client why instead of a retry loop
            results.topics().forEach(r -> {
                if (r.error() != ErrorCode.NONE && r.error() != ErrorCode.TOPIC_ALREADY_EXISTS) {
                    answers.replaceAll(a -> r.name().equals(a.name())
                            ? failed(r.name(), KafkaErrors.toKafka(r.error())) : a);
                }
            });
            return answers;
        });
    }

    private MetadataResponseData response(ClusterMetadata metadata, List<MetadataResponseTopic> topics) {
        MetadataResponseBrokerCollection brokers = new MetadataResponseBrokerCollection();
        brokers.add(new MetadataResponseBroker().setNodeId(identity.nodeId()).setHost(identity.host())
                .setPort(identity.port()).setRack(null));
        MetadataResponseTopicCollection topicCollection = new MetadataResponseTopicCollection();
        topics.forEach(t -> topicCollection.add(t));
        return new MetadataResponseData()
                .setBrokers(brokers)
                .setClusterId(settings.clusterId())
                .setControllerId(identity.nodeId())
                .setTopics(topicCollection);
    }

    private MetadataResponseTopic describe(TopicInfo topic) {
        List<MetadataResponsePartition> partitions = topic.partitions().stream().map(this::describe).toList();
        return new MetadataResponseTopic()
                .setName(topic.name())
                .setTopicId(TopicIds.toKafka(topic.id()))
                .setIsInternal(false)
                .setErrorCode(Errors.NONE.code())
                .setPartitions(new ArrayList<>(partitions));
    }

    private MetadataResponsePartition describe(PartitionInfo partition) {
        List<Integer> us = List.of(identity.nodeId());
        boolean led = partition.leader() >= 0;
        return new MetadataResponsePartition()
                .setPartitionIndex(partition.partition())
                .setErrorCode(led ? Errors.NONE.code() : Errors.LEADER_NOT_AVAILABLE.code())
                .setLeaderId(led ? identity.nodeId() : -1)
                .setLeaderEpoch(partition.leaderEpoch())
                .setReplicaNodes(us)
                .setIsrNodes(led ? us : List.of())
                .setOfflineReplicas(List.of());
    }

    private static MetadataResponseTopic failed(String name, Errors error) {
        return new MetadataResponseTopic().setName(name).setErrorCode(error.code()).setIsInternal(false);
    }
}
