package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.DeleteTopicsRequestData.DeleteTopicState;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResult;
import org.apache.kafka.common.message.DeleteTopicsResponseData.DeletableTopicResultCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DeleteTopics by name, and from v6 by topic id (mapped to names through the metadata cache; an id we
 * do not know answers UNKNOWN_TOPIC_ID, a name with illegal characters INVALID_TOPIC_EXCEPTION).
 */
final class DeleteTopicsHandler implements ApiHandler<org.apache.kafka.common.requests.DeleteTopicsRequest> {
    private final KafkaBackend backend;
    private final TopicLookup topics;

    DeleteTopicsHandler(KafkaBackend backend, TopicLookup topics) {
        this.backend = backend;
        this.topics = topics;
    }

    /** One entry of the request: what the client named, and the topic name it resolved to, if any. */
    private record Target(DeleteTopicState asked, Optional<String> name, Errors localError) {
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.DeleteTopicsRequest request) {
        short version = context.apiVersion();
        return topics.metadata().compose(metadata -> {
            List<Target> targets = request.topics().stream().map(t -> resolve(t, metadata)).toList();
            List<String> names = targets.stream().filter(t -> t.localError() == Errors.NONE)
                    .map(t -> t.name().orElseThrow()).distinct().toList();
            Future<Map<String, TopicResult>> remote = names.isEmpty() ? Future.succeededFuture(Map.of())
                    : backend.deleteTopics(new DeleteTopicsRequest(names)).map(results -> {
                        Map<String, TopicResult> byName = new HashMap<>();
                        results.topics().forEach(r -> byName.put(r.name(), r));
                        return byName;
                    });
            return remote.map(byName -> respond(targets, byName, metadata, version));
        });
    }

    private static Target resolve(DeleteTopicState asked, ClusterMetadata metadata) {
        if (asked.name() != null) {
            Errors error = TopicNames.problem(asked.name()).isPresent() ? Errors.INVALID_TOPIC_EXCEPTION : Errors.NONE;
            return new Target(asked, Optional.of(asked.name()), error);
        }
        Optional<String> name = TopicLookup.byId(metadata, asked.topicId()).map(TopicInfo::name);
        return new Target(asked, name, name.isPresent() ? Errors.NONE : Errors.UNKNOWN_TOPIC_ID);
    }

    private static ApiMessage respond(List<Target> targets, Map<String, TopicResult> byName, ClusterMetadata metadata,
                                      short version) {
        DeletableTopicResultCollection responses = new DeletableTopicResultCollection();
        for (Target target : targets) {
            DeletableTopicResult answer = new DeletableTopicResult().setName(target.name().orElse(null));
            if (version >= 6) {
                Uuid id = target.asked().topicId();
                if (Uuid.ZERO_UUID.equals(id)) {
                    id = target.name().flatMap(metadata::topic).map(t -> TopicIds.toKafka(t.id())).orElse(Uuid.ZERO_UUID);
                }
                answer.setTopicId(id);
            }
            if (target.localError() != Errors.NONE) {
                answer.setErrorCode(target.localError().code());
            } else {
                TopicResult result = byName.get(target.name().orElseThrow());
                if (result == null) {
                    answer.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code())
                            .setErrorMessage("The controller gave no answer for this topic");
                } else {
                    answer.setErrorCode(KafkaErrors.code(result.error()));
                    if (result.error() != ErrorCode.NONE) {
                        answer.setErrorMessage(result.message());
                    }
                }
            }
            if (version < 5) {
                answer.setErrorMessage(null);
            }
            responses.add(answer);
        }
        return new DeleteTopicsResponseData().setResponses(responses);
    }
}
