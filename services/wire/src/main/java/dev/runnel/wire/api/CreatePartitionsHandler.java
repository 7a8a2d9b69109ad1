package dev.runnel.wire.api;

import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.CreatePartitionsRequestData.CreatePartitionsTopic;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreatePartitionsResponseData.CreatePartitionsTopicResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CreatePartitions: grows topics to a new total. Manual assignments are refused
 * (INVALID_REPLICA_ASSIGNMENT); whether the count may grow is the controller's call (INVALID_PARTITIONS).
 */
final class CreatePartitionsHandler implements ApiHandler<org.apache.kafka.common.requests.CreatePartitionsRequest> {
    private final KafkaBackend backend;

    CreatePartitionsHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context,
                                     org.apache.kafka.common.requests.CreatePartitionsRequest request) {
        Map<String, CreatePartitionsTopicResult> local = new HashMap<>();
        List<NewPartitions> valid = new ArrayList<>();
        for (CreatePartitionsTopic topic : request.data().topics()) {
            if (topic.assignments() != null && !topic.assignments().isEmpty()) {
                local.put(topic.name(), result(topic.name(), Errors.INVALID_REPLICA_ASSIGNMENT,
                        "Runnel assigns replicas itself; give only the new partition count"));
            } else if (local.containsKey(topic.name()) || valid.stream().anyMatch(v -> v.name().equals(topic.name()))) {
                local.put(topic.name(), result(topic.name(), Errors.INVALID_REQUEST,
                        "Topic " + topic.name() + " appears more than once in the request"));
            } else {
                valid.add(new NewPartitions(topic.name(), topic.count()));
            }
        }
        valid.removeIf(v -> local.containsKey(v.name()));
        Future<Map<String, TopicResult>> remote = valid.isEmpty() ? Future.succeededFuture(Map.of())
                : backend.createPartitions(new CreatePartitionsRequest(valid, request.data().validateOnly())).map(rs -> {
                    Map<String, TopicResult> byName = new HashMap<>();
                    rs.topics().forEach(r -> byName.put(r.name(), r));
                    return byName;
                });
        return remote.map(byName -> {
            List<CreatePartitionsTopicResult> results = new ArrayList<>();
            for (CreatePartitionsTopic topic : request.data().topics()) {
                CreatePartitionsTopicResult answer = local.get(topic.name());
                if (answer == null) {
                    TopicResult r = byName.get(topic.name());
                    answer = r == null
                            ? result(topic.name(), Errors.UNKNOWN_SERVER_ERROR, "The controller gave no answer for this topic")
                            : result(topic.name(), KafkaErrors.toKafka(r.error()), r.message());
                }
                results.add(answer.duplicate());
            }
            return new CreatePartitionsResponseData().setResults(results);
        });
    }

    private static CreatePartitionsTopicResult result(String name, Errors error, String message) {
        return new CreatePartitionsTopicResult().setName(name).setErrorCode(error.code())
                .setErrorMessage(error == Errors.NONE ? null : message);
    }
}
