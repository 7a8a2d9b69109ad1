package dev.runnel.wire.api;

import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsTopicResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ListOffsets: earliest (-2), latest (-1), max timestamp (-3) and "first offset at or after time T"
 * go to the backend as they are. Runnel has no tiered storage, so earliest-local (-4) is earliest and
 * latest-tiered (-5) is "nothing tiered" (offset -1). Without transactions, READ_COMMITTED's latest
 * equals READ_UNCOMMITTED's.
 */
final class ListOffsetsHandler implements ApiHandler<org.apache.kafka.common.requests.ListOffsetsRequest> {
    static final long EARLIEST_LOCAL = -4;
    static final long LATEST_TIERED = -5;

    private final KafkaBackend backend;

    ListOffsetsHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.ListOffsetsRequest request) {
        List<PartitionTimestamp> queries = new ArrayList<>();
        for (ListOffsetsTopic topic : request.data().topics()) {
            for (ListOffsetsPartition p : topic.partitions()) {
                long timestamp = p.timestamp() == EARLIEST_LOCAL ? PartitionTimestamp.EARLIEST : p.timestamp();
                if (timestamp != LATEST_TIERED) {
                    queries.add(new PartitionTimestamp(topic.name(), p.partitionIndex(), timestamp));
                }
            }
        }
        Future<Map<TopicPartitionKey, PartitionOffset>> answers = queries.isEmpty()
                ? Future.succeededFuture(Map.of())
                : backend.listOffsets(new ListOffsetsRequest(queries)).map(response -> {
                    Map<TopicPartitionKey, PartitionOffset> byPartition = new HashMap<>();
                    response.partitions().forEach(o -> byPartition.put(new TopicPartitionKey(o.topic(), o.partition()), o));
                    return byPartition;
                });
        return answers.map(byPartition -> respond(request, byPartition));
    }

    private static ListOffsetsResponseData respond(org.apache.kafka.common.requests.ListOffsetsRequest request,
                                                   Map<TopicPartitionKey, PartitionOffset> answers) {
        List<ListOffsetsTopicResponse> topics = new ArrayList<>();
        for (ListOffsetsTopic topic : request.data().topics()) {
            List<ListOffsetsPartitionResponse> partitions = new ArrayList<>();
            for (ListOffsetsPartition p : topic.partitions()) {
                ListOffsetsPartitionResponse answer = new ListOffsetsPartitionResponse()
                        .setPartitionIndex(p.partitionIndex()).setTimestamp(-1).setOffset(-1).setLeaderEpoch(-1);
                PartitionOffset offset = answers.get(new TopicPartitionKey(topic.name(), p.partitionIndex()));
                if (p.timestamp() == LATEST_TIERED) {
                    answer.setErrorCode(Errors.NONE.code());
                } else if (offset == null) {
                    answer.setErrorCode(Errors.UNKNOWN_SERVER_ERROR.code());
                } else {
                    answer.setErrorCode(KafkaErrors.code(offset.error()))
                            .setTimestamp(offset.timestamp())
                            .setOffset(offset.offset())
                            // the field exists from v4; older versions must leave it at its default
                            .setLeaderEpoch(request.version() >= 4 ? offset.leaderEpoch() : -1);
                }
                partitions.add(answer);
            }
            topics.add(new ListOffsetsTopicResponse().setName(topic.name()).setPartitions(partitions));
        }
        return new ListOffsetsResponseData().setTopics(topics);
    }
}
