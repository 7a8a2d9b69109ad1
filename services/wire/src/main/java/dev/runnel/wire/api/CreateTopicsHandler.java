package dev.runnel.wire.api;

import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopic;
import org.apache.kafka.common.message.CreateTopicsRequestData.CreatableTopicConfig;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicConfigs;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResult;
import org.apache.kafka.common.message.CreateTopicsResponseData.CreatableTopicResultCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CreateTopics: checks what Kafka checks before asking the backend — name rules
 * (INVALID_TOPIC_EXCEPTION), duplicates in one request (INVALID_REQUEST), partition count and
 * replication factor (-1 = cluster default), configs ({@link TopicConfigs#validate}, INVALID_CONFIG).
 * Manual replica assignments are refused (INVALID_REPLICA_ASSIGNMENT): Runnel places replicas itself.
 * One bad topic does not fail the others; validateOnly goes through to the backend.
 */
final class CreateTopicsHandler implements ApiHandler<org.apache.kafka.common.requests.CreateTopicsRequest> {
    private final KafkaBackend backend;

    CreateTopicsHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.CreateTopicsRequest request) {
        short version = context.apiVersion();
        Map<String, TopicResult> localFailures = new HashMap<>();
        List<CreateTopicRequest> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> duplicates = new HashSet<>();
        request.data().topics().forEach(t -> {
            if (!seen.add(t.name())) {
                duplicates.add(t.name());
            }
        });
        for (CreatableTopic topic : request.data().topics()) {
            String name = topic.name();
            Optional<TopicResult> problem = check(topic, duplicates);
            if (problem.isPresent()) {
                localFailures.putIfAbsent(name, problem.get());
            } else {
                valid.add(new CreateTopicRequest(name, topic.numPartitions(), topic.replicationFactor(), configs(topic)));
            }
        }
        Future<Map<String, TopicResult>> remote = valid.isEmpty() ? Future.succeededFuture(Map.of())
                : backend.createTopics(new CreateTopicsRequest(valid, request.data().validateOnly())).map(results -> {
                    Map<String, TopicResult> byName = new HashMap<>();
                    results.topics().forEach(r -> byName.put(r.name(), r));
                    return byName;
                });
        return remote.map(byName -> {
            CreatableTopicResultCollection results = new CreatableTopicResultCollection();
            for (CreatableTopic topic : request.data().topics()) {
                TopicResult result = localFailures.getOrDefault(topic.name(), byName.get(topic.name()));
                if (result == null) {
                    result = TopicResult.failed(topic.name(), dev.runnel.bus.ErrorCode.UNKNOWN_SERVER_ERROR,
                            "The controller gave no answer for this topic");
                }
                results.add(toKafka(result, version));
            }
            return new CreateTopicsResponseData().setTopics(results);
        });
    }

    private static Optional<TopicResult> check(CreatableTopic topic, Set<String> duplicates) {
        String name = topic.name();
        if (duplicates.contains(name)) {
            return Optional.of(failed(name, Errors.INVALID_REQUEST, "Topic " + name + " appears more than once in the request"));
        }
        Optional<String> badName = TopicNames.problem(name);
        if (badName.isPresent()) {
            return Optional.of(failed(name, Errors.INVALID_TOPIC_EXCEPTION, badName.get()));
        }
        if (!topic.assignments().isEmpty()) {
            return Optional.of(failed(name, Errors.INVALID_REPLICA_ASSIGNMENT,
                    "Runnel assigns replicas itself; create the topic with a partition count and replication factor"));
        }
        if (topic.numPartitions() == 0 || topic.numPartitions() < -1) {
            return Optional.of(failed(name, Errors.INVALID_PARTITIONS,
                    "Number of partitions must be at least 1 (or -1 for the default), was " + topic.numPartitions()));
        }
        if (topic.replicationFactor() == 0 || topic.replicationFactor() < -1) {
            return Optional.of(failed(name, Errors.INVALID_REPLICATION_FACTOR,
                    "Replication factor must be at least 1 (or -1 for the default), was " + topic.replicationFactor()));
        }
        Optional<String> badConfig = TopicConfigs.validate(configs(topic));
        return badConfig.map(message -> failed(name, Errors.INVALID_CONFIG, message));
    }

    private static Map<String, String> configs(CreatableTopic topic) {
        Map<String, String> configs = new LinkedHashMap<>();
        for (CreatableTopicConfig config : topic.configs()) {
            configs.put(config.name(), config.value());
        }
        return configs;
    }

    private static TopicResult failed(String name, Errors error, String message) {
        return TopicResult.failed(name, KafkaErrors.fromKafka(error), message);
    }

    private static CreatableTopicResult toKafka(TopicResult result, short version) {
        CreatableTopicResult answer = new CreatableTopicResult().setName(result.name())
                .setErrorCode(KafkaErrors.code(result.error()))
                .setErrorMessage(result.message());
        boolean ok = result.error() == dev.runnel.bus.ErrorCode.NONE;
        if (version >= 5) {
            answer.setNumPartitions(ok ? result.partitions() : -1)
                    .setReplicationFactor(ok ? result.replicationFactor() : -1);
            if (ok) {
                List<CreatableTopicConfigs> configs = new ArrayList<>();
                for (TopicConfigEntries.Entry e : TopicConfigEntries.of(result.configs() == null ? Map.of() : result.configs())) {
                    configs.add(new CreatableTopicConfigs().setName(e.name()).setValue(e.value())
                            .setReadOnly(false).setConfigSource(e.source().id()).setIsSensitive(false));
                }
                answer.setConfigs(configs);
            }
        }
        if (version >= 7 && ok) {
            answer.setTopicId(TopicIds.toKafka(result.id()));
        }
        return answer;
    }
}
