package dev.runnel.wire.api;

import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.OngoingReassignment;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData.ListPartitionReassignmentsTopics;
import org.apache.kafka.common.message.ListPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.ListPartitionReassignmentsResponseData.OngoingPartitionReassignment;
import org.apache.kafka.common.message.ListPartitionReassignmentsResponseData.OngoingTopicReassignment;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ListPartitionReassignmentsRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ListPartitionReassignments: the partitions whose replicas are moving, with the full replica list (target
 * first, then the replicas being removed) and the replicas being added and removed — of every topic when
 * the request names none. Partitions not moving, and unknown ones, are left out, as in Kafka. No answer from
 * the controller is the top-level error (NOT_CONTROLLER, which the AdminClient retries, or REQUEST_TIMED_OUT).
 */
final class ListPartitionReassignmentsHandler implements ApiHandler<ListPartitionReassignmentsRequest> {
    private final KafkaBackend backend;

    ListPartitionReassignmentsHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, ListPartitionReassignmentsRequest request) {
        List<TopicPartitionRef> asked = null; // null asks for every partition, as in the request
        if (request.data().topics() != null) {
            asked = new ArrayList<>();
            for (ListPartitionReassignmentsTopics topic : request.data().topics()) {
                for (int partition : topic.partitionIndexes()) {
                    asked.add(new TopicPartitionRef(topic.name(), partition));
                }
            }
        }
        return backend.listReassignments(new ListReassignmentsRequest(asked))
                .recover(failure -> Future.failedFuture(KafkaErrors.toApiException(failure)))
                .map(result -> {
                    Map<String, List<OngoingPartitionReassignment>> byTopic = new LinkedHashMap<>();
                    for (OngoingReassignment r : result.reassignments()) {
                        byTopic.computeIfAbsent(r.topic(), t -> new ArrayList<>()).add(new OngoingPartitionReassignment()
                                .setPartitionIndex(r.partition())
                                .setReplicas(new ArrayList<>(r.replicas()))
                                .setAddingReplicas(new ArrayList<>(r.addingReplicas()))
                                .setRemovingReplicas(new ArrayList<>(r.removingReplicas())));
                    }
                    List<OngoingTopicReassignment> topics = new ArrayList<>();
                    byTopic.forEach((name, partitions) -> topics.add(new OngoingTopicReassignment().setName(name)
                            .setPartitions(partitions)));
                    return new ListPartitionReassignmentsResponseData().setErrorCode(Errors.NONE.code())
                            .setErrorMessage(null).setTopics(topics);
                });
    }
}
