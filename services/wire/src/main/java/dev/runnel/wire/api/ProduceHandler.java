package dev.runnel.wire.api;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ProduceRequestData.PartitionProduceData;
import org.apache.kafka.common.message.ProduceRequestData.TopicProduceData;
import org.apache.kafka.common.message.ProduceResponseData;
import org.apache.kafka.common.message.ProduceResponseData.PartitionProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponse;
import org.apache.kafka.common.message.ProduceResponseData.TopicProduceResponseCollection;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Produce: hands each partition's record batches to the backend exactly as received (a Buffer over the
 * request frame's memory, no copy, no re-encoding) and answers per partition in request order.
 *
 * <p>v13 names topics by id only; ids map back to names through the metadata cache (UNKNOWN_TOPIC_ID
 * when unknown). acks other than 0, 1, -1 get INVALID_REQUIRED_ACKS without touching the backend. For
 * acks=0 the connection discards the response (Kafka sends none). Validation of the batches themselves
 * (CRC, size, sequence) is the store's: its errors pass through unchanged.
 */
final class ProduceHandler implements ApiHandler<org.apache.kafka.common.requests.ProduceRequest> {
    private final KafkaBackend backend;
    private final TopicLookup topics;

    ProduceHandler(KafkaBackend backend, TopicLookup topics) {
        this.backend = backend;
        this.topics = topics;
    }

    /** One partition of the request, with either its routed name or an error decided here. */
    private record Slot(TopicProduceData topic, int partition, String resolvedName, Optional<Errors> localError) {
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.ProduceRequest request) {
        short acks = request.acks();
        if (acks != 0 && acks != 1 && acks != -1) {
            return Future.succeededFuture(allFailed(request, Errors.INVALID_REQUIRED_ACKS));
        }
        boolean byId = request.data().topicData().stream().anyMatch(t -> t.name() == null || t.name().isEmpty());
        Future<Optional<ClusterMetadata>> metadata = byId
                ? topics.metadata().map(Optional::of) : Future.succeededFuture(Optional.empty());
        return metadata.compose(m -> produce(request, m));
    }

    private Future<ApiMessage> produce(org.apache.kafka.common.requests.ProduceRequest request,
                                       Optional<ClusterMetadata> metadata) {
        List<Slot> slots = new ArrayList<>();
        List<PartitionRecords> toAppend = new ArrayList<>();
        for (TopicProduceData topic : request.data().topicData()) {
            Optional<String> name = resolve(topic, metadata);
            for (PartitionProduceData partition : topic.partitionData()) {
                if (name.isEmpty()) {
                    slots.add(new Slot(topic, partition.index(), null, Optional.of(Errors.UNKNOWN_TOPIC_ID)));
                    continue;
                }
                Optional<Buffer> records = RecordBuffers.toBuffer(partition.records());
                if (records.isEmpty()) {
                    slots.add(new Slot(topic, partition.index(), name.get(), Optional.of(Errors.CORRUPT_MESSAGE)));
                    continue;
                }
                slots.add(new Slot(topic, partition.index(), name.get(), Optional.empty()));
                toAppend.add(new PartitionRecords(name.get(), partition.index(), -1, records.get()));
            }
        }
        if (toAppend.isEmpty()) {
            return Future.succeededFuture(respond(slots, Map.of()));
        }
        return backend.produce(new ProduceRequest(request.acks(), request.timeout(), toAppend)).map(response -> {
            Map<TopicPartitionKey, PartitionProduceResult> byPartition = new HashMap<>();
            response.partitions().forEach(r -> byPartition.put(new TopicPartitionKey(r.topic(), r.partition()), r));
            return respond(slots, byPartition);
        });
    }

    private static Optional<String> resolve(TopicProduceData topic, Optional<ClusterMetadata> metadata) {
        if (topic.name() != null && !topic.name().isEmpty()) {
            return Optional.of(topic.name());
        }
        Uuid id = topic.topicId();
        return metadata.flatMap(m -> TopicLookup.byId(m, id)).map(TopicInfo::name);
    }

    private static ProduceResponseData respond(List<Slot> slots, Map<TopicPartitionKey, PartitionProduceResult> results) {
        TopicProduceResponseCollection responses = new TopicProduceResponseCollection();
        Map<TopicProduceData, TopicProduceResponse> byTopic = new IdentityHashMap<>(); // request entries may repeat a topic
        for (Slot slot : slots) {
            TopicProduceResponse topicResponse = byTopic.computeIfAbsent(slot.topic(), t -> {
                TopicProduceResponse r = new TopicProduceResponse().setName(t.name()).setTopicId(t.topicId());
                responses.add(r);
                return r;
            });
            PartitionProduceResponse partition = new PartitionProduceResponse().setIndex(slot.partition());
            if (slot.localError().isPresent()) {
                partition.setErrorCode(slot.localError().get().code());
            } else {
                PartitionProduceResult result = results.get(new TopicPartitionKey(slot.resolvedName(), slot.partition()));
                if (result == null) {
                    partition.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code())
                            .setErrorMessage("The store gave no answer for this partition");
                } else {
                    partition.setErrorCode(KafkaErrors.code(result.error()))
                            .setErrorMessage(result.errorMessage())
                            .setBaseOffset(result.baseOffset())
                            .setLogAppendTimeMs(result.logAppendTime())
                            .setLogStartOffset(result.logStartOffset());
                }
            }
            topicResponse.partitionResponses().add(partition);
        }
        return new ProduceResponseData().setResponses(responses);
    }

    private static ProduceResponseData allFailed(org.apache.kafka.common.requests.ProduceRequest request, Errors error) {
        List<Slot> slots = new ArrayList<>();
        for (TopicProduceData topic : request.data().topicData()) {
            for (PartitionProduceData partition : topic.partitionData()) {
                slots.add(new Slot(topic, partition.index(), topic.name(), Optional.of(error)));
            }
        }
        return respond(slots, Map.of());
    }
}
