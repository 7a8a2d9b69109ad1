package dev.runnel.wire.api;

import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.ReassignmentRequest;
import dev.runnel.bus.control.ReassignmentResult;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignablePartition;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignableTopic;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData.ReassignablePartitionResponse;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData.ReassignableTopicResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AlterPartitionReassignmentsRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * AlterPartitionReassignments: moves partitions to new replica lists (or, with null replicas, cancels the
 * move in progress). The controller decides per partition (UNKNOWN_TOPIC_OR_PARTITION,
 * INVALID_REPLICA_ASSIGNMENT, NO_REASSIGNMENT_IN_PROGRESS, INVALID_REQUEST for a partition named twice);
 * an accepted move completes in the background. Only v1's {@code allowReplicationFactorChange=false} is
 * checked here, against the gateway's metadata: a target of another size is INVALID_REPLICATION_FACTOR, as
 * in Kafka (KIP-860). No answer from the controller is the request's top-level error (NOT_CONTROLLER or
 * REQUEST_TIMED_OUT, repeated on every partition).
 */
final class AlterPartitionReassignmentsHandler implements ApiHandler<AlterPartitionReassignmentsRequest> {
    private final KafkaBackend backend;

    AlterPartitionReassignmentsHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, AlterPartitionReassignmentsRequest request) {
        boolean allowReplicationFactorChange = request.data().allowReplicationFactorChange();
        Future<Optional<ClusterMetadata>> metadata = allowReplicationFactorChange ? Future.succeededFuture(Optional.empty())
                : backend.metadata().map(Optional::of);
        return metadata.compose(known -> {
            // per partition in request order: a local refusal, or empty when the controller decides
            List<Optional<ReassignablePartitionResponse>> local = new ArrayList<>();
            List<ReassignmentRequest> toController = new ArrayList<>();
            for (ReassignableTopic topic : request.data().topics()) {
                for (ReassignablePartition p : topic.partitions()) {
                    Optional<ReassignablePartitionResponse> refusal = known.flatMap(m -> replicationFactorChange(m, topic.name(), p));
                    local.add(refusal);
                    if (refusal.isEmpty()) {
                        toController.add(new ReassignmentRequest(topic.name(), p.partitionIndex(),
                                p.replicas() == null ? null : List.copyOf(p.replicas())));
                    }
                }
            }
            Future<List<ReassignmentResult>> decided = toController.isEmpty() ? Future.succeededFuture(List.of())
                    : backend.alterReassignments(new AlterReassignmentsRequest(toController))
                    .map(result -> result.partitions())
                    .recover(failure -> Future.failedFuture(KafkaErrors.toApiException(failure)));
            return decided.map(results -> response(request, local, results, allowReplicationFactorChange));
        });
    }

    private static Optional<ReassignablePartitionResponse> replicationFactorChange(ClusterMetadata metadata, String topic,
                                                                                ReassignablePartition p) {
        if (p.replicas() == null) {
            return Optional.empty(); // a cancellation returns to the replicas the partition had
        }
        Optional<PartitionInfo> partition = metadata.topic(topic).flatMap(t -> t.partition(p.partitionIndex()));
        return partition.map(info -> info.targetReplicas().size()).filter(current -> current != p.replicas().size())
                .map(current -> result(p.partitionIndex(), Errors.INVALID_REPLICATION_FACTOR,
                        "The replication factor of " + topic + "-" + p.partitionIndex() + " would change from " + current
                                + " to " + p.replicas().size() + ", and the request does not allow it"));
    }

    private static ApiMessage response(AlterPartitionReassignmentsRequest request,
                                       List<Optional<ReassignablePartitionResponse>> local,
                                       List<ReassignmentResult> decided,
                                       boolean allowReplicationFactorChange) {
        Iterator<Optional<ReassignablePartitionResponse>> refusals = local.iterator();
        Iterator<ReassignmentResult> results = decided.iterator();
        List<ReassignableTopicResponse> topics = new ArrayList<>();
        for (ReassignableTopic topic : request.data().topics()) {
            List<ReassignablePartitionResponse> partitions = new ArrayList<>();
            for (ReassignablePartition p : topic.partitions()) {
                Optional<ReassignablePartitionResponse> refusal = refusals.next();
                if (refusal.isPresent()) {
                    partitions.add(refusal.get());
                } else if (results.hasNext()) {
                    ReassignmentResult r = results.next();
                    partitions.add(r.topic().equals(topic.name()) && r.partition() == p.partitionIndex()
                            ? result(p.partitionIndex(), KafkaErrors.toKafka(r.error()), r.message())
                            : result(p.partitionIndex(), Errors.UNKNOWN_SERVER_ERROR,
                            "The controller answered for " + r.topic() + "-" + r.partition() + " in this partition's place"));
                } else {
                    partitions.add(result(p.partitionIndex(), Errors.UNKNOWN_SERVER_ERROR,
                            "The controller gave no answer for this partition"));
                }
            }
            topics.add(new ReassignableTopicResponse().setName(topic.name()).setPartitions(partitions));
        }
        return new AlterPartitionReassignmentsResponseData().setErrorCode(Errors.NONE.code()).setErrorMessage(null)
                .setAllowReplicationFactorChange(allowReplicationFactorChange).setResponses(topics);
    }

    private static ReassignablePartitionResponse result(int partition, Errors error, String message) {
        return new ReassignablePartitionResponse().setPartitionIndex(partition).setErrorCode(error.code())
                .setErrorMessage(error == Errors.NONE ? null : message);
    }
}
