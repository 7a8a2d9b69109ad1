package dev.runnel.wire.api;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionFetchResult;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FetchRequestData.FetchPartition;
import org.apache.kafka.common.message.FetchRequestData.FetchTopic;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.FetchResponseData.FetchableTopicResponse;
import org.apache.kafka.common.message.FetchResponseData.PartitionData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.requests.FetchMetadata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fetch (v4+): one backend long poll with the request's max wait, min bytes, max bytes and per-partition
 * max bytes; batches come back as stored and go out unchanged.
 *
 * <p>Fetch sessions (KIP-227) are not kept: every answer carries session id 0, which tells the client
 * to send full fetch requests from then on. A request naming a session we never handed out gets
 * FETCH_SESSION_ID_NOT_FOUND, and an incremental epoch without a session INVALID_FETCH_SESSION_EPOCH;
 * both make the client start over with a full request. Topics named by id (v13+) resolve through the
 * metadata cache; unknown ids answer UNKNOWN_TOPIC_ID per partition.
 */
final class FetchHandler implements ApiHandler<org.apache.kafka.common.requests.FetchRequest> {
    private final KafkaBackend backend;
    private final TopicLookup topics;

    FetchHandler(KafkaBackend backend, TopicLookup topics) {
        this.backend = backend;
        this.topics = topics;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.FetchRequest request) {
        FetchRequestData data = request.data();
        if (data.sessionId() != FetchMetadata.INVALID_SESSION_ID) {
            return Future.succeededFuture(topLevelError(Errors.FETCH_SESSION_ID_NOT_FOUND));
        }
        if (data.sessionEpoch() != FetchMetadata.INITIAL_EPOCH && data.sessionEpoch() != FetchMetadata.FINAL_EPOCH) {
            return Future.succeededFuture(topLevelError(Errors.INVALID_FETCH_SESSION_EPOCH));
        }
        boolean byId = data.topics().stream().anyMatch(t -> t.topic() == null || t.topic().isEmpty());
        Future<Optional<ClusterMetadata>> metadata = byId
                ? topics.metadata().map(Optional::of) : Future.succeededFuture(Optional.empty());
        return metadata.compose(m -> fetch(data, m));
    }

    private Future<ApiMessage> fetch(FetchRequestData data, Optional<ClusterMetadata> metadata) {
        List<Optional<String>> names = new ArrayList<>();
        List<PartitionFetch> reads = new ArrayList<>();
        for (FetchTopic topic : data.topics()) {
            Optional<String> name = topic.topic() != null && !topic.topic().isEmpty()
                    ? Optional.of(topic.topic())
                    : metadata.flatMap(m -> TopicLookup.byId(m, topic.topicId())).map(TopicInfo::name);
            names.add(name);
            name.ifPresent(n -> topic.partitions().forEach(p -> reads.add(new PartitionFetch(n, p.partition(),
                    p.fetchOffset(), p.partitionMaxBytes(), p.currentLeaderEpoch()))));
        }
        Future<Map<TopicPartitionKey, PartitionFetchResult>> results = reads.isEmpty()
                ? Future.succeededFuture(Map.of())
                : backend.fetch(new FetchRequest(data.maxWaitMs(), data.minBytes(), data.maxBytes(), reads)).map(r -> {
                    Map<TopicPartitionKey, PartitionFetchResult> byPartition = new HashMap<>();
                    r.partitions().forEach(p -> byPartition.put(new TopicPartitionKey(p.topic(), p.partition()), p));
                    return byPartition;
                });
        return results.map(byPartition -> respond(data, names, byPartition));
    }

    private static FetchResponseData respond(FetchRequestData data, List<Optional<String>> names,
                                             Map<TopicPartitionKey, PartitionFetchResult> results) {
        List<FetchableTopicResponse> responses = new ArrayList<>();
        for (int i = 0; i < data.topics().size(); i++) {
            FetchTopic topic = data.topics().get(i);
            Optional<String> name = names.get(i);
            List<PartitionData> partitions = new ArrayList<>();
            for (FetchPartition p : topic.partitions()) {
                PartitionData answer = new PartitionData().setPartitionIndex(p.partition())
                        .setHighWatermark(-1).setLastStableOffset(-1).setLogStartOffset(-1)
                        .setAbortedTransactions(null).setRecords(MemoryRecords.EMPTY);
                if (name.isEmpty()) {
                    answer.setErrorCode(Errors.UNKNOWN_TOPIC_ID.code());
                } else {
                    PartitionFetchResult result = results.get(new TopicPartitionKey(name.get(), p.partition()));
                    if (result == null) {
                        answer.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code());
                    } else {
                        answer.setErrorCode(KafkaErrors.code(result.error()))
                                .setHighWatermark(result.highWatermark())
                                .setLastStableOffset(result.lastStableOffset())
                                .setLogStartOffset(result.logStartOffset())
                                .setRecords(RecordBuffers.toRecords(result.records()));
                    }
                }
                partitions.add(answer);
            }
            responses.add(new FetchableTopicResponse().setTopic(topic.topic()).setTopicId(topic.topicId())
                    .setPartitions(partitions));
        }
        return new FetchResponseData().setErrorCode(Errors.NONE.code())
                .setSessionId(FetchMetadata.INVALID_SESSION_ID).setResponses(responses);
    }

    private static FetchResponseData topLevelError(Errors error) {
        return new FetchResponseData().setErrorCode(error.code())
                .setSessionId(FetchMetadata.INVALID_SESSION_ID).setResponses(new ArrayList<>());
    }
}
