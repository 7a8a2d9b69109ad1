package dev.runnel.wire;

import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsResult;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.TopicResults;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import io.vertx.core.Future;

/**
 * What the Kafka protocol layer needs from the rest of Runnel, in Runnel's own types. The gateway
 * implements it over the event bus; the protocol layer never sees the bus or the stores.
 *
 * <p>Requests may name partitions on any store: the backend routes them to the partition leaders and
 * merges the answers. Partitions it cannot route are answered with UNKNOWN_TOPIC_OR_PARTITION (or
 * LEADER_NOT_AVAILABLE when the topic exists but the partition has no leader), never dropped.
 * Futures complete on a Vert.x context; a failed future means the whole request failed.
 */
public interface KafkaBackend {

    /** The newest metadata this gateway knows (cached; kept fresh by the backend). */
    Future<ClusterMetadata> metadata();

    /** Appends; for acks=0 the future still completes, the caller just does not answer the client. */
    Future<ProduceResponse> produce(ProduceRequest request);

    /** Reads, long-polling up to {@code maxWaitMs} until {@code minBytes} are available in total. */
    Future<FetchResponse> fetch(FetchRequest request);

    Future<ListOffsetsResponse> listOffsets(ListOffsetsRequest request);

    Future<TopicResults> createTopics(CreateTopicsRequest request);

    Future<TopicResults> deleteTopics(DeleteTopicsRequest request);

    Future<TopicResults> createPartitions(CreatePartitionsRequest request);

    Future<TopicResults> alterConfigs(AlterConfigsRequest request);

    Future<ProducerIdResult> initProducerId(InitProducerIdRequest request);

    /**
     * Starts, replaces or cancels partition reassignments: one result per partition, in request order. Fails
     * with {@link ControllerUnavailableException} when the controller gave no answer.
     */
    Future<AlterReassignmentsResult> alterReassignments(AlterReassignmentsRequest request);

    /** The reassignments in progress; fails with {@link ControllerUnavailableException} when the controller gave no answer. */
    Future<ListReassignmentsResult> listReassignments(ListReassignmentsRequest request);
}
