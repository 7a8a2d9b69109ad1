package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.PartitionError;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponsePartition;
import org.apache.kafka.common.message.OffsetCommitResponseData.OffsetCommitResponseTopic;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OffsetCommit: partitions of topics the metadata does not know answer UNKNOWN_TOPIC_OR_PARTITION here;
 * the rest go to the coordinator, which answers once they are durable. The retention time (v2-v4) is
 * ignored: committed offsets are kept until the group or the offset is deleted.
 */
final class OffsetCommitHandler implements ApiHandler<org.apache.kafka.common.requests.OffsetCommitRequest> {
    private final TopicLookup topics;
    private final GroupBackend groups;

    OffsetCommitHandler(TopicLookup topics, GroupBackend groups) {
        this.topics = topics;
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.OffsetCommitRequest request) {
        OffsetCommitRequestData data = request.data();
        return topics.metadata().compose(metadata -> {
            Map<TopicPartitionKey, ErrorCode> outcome = new HashMap<>();
            List<OffsetToCommit> known = new ArrayList<>();
            for (OffsetCommitRequestTopic t : data.topics()) {
                for (OffsetCommitRequestPartition p : t.partitions()) {
                    ErrorCode error = GroupRequests.partitionError(metadata, t.name(), p.partitionIndex());
                    if (error == ErrorCode.NONE) {
                        known.add(new OffsetToCommit(t.name(), p.partitionIndex(), p.committedOffset(),
                                p.committedLeaderEpoch(), p.committedMetadata() == null ? "" : p.committedMetadata()));
                    } else {
                        outcome.put(new TopicPartitionKey(t.name(), p.partitionIndex()), error);
                    }
                }
            }
            Future<List<PartitionError>> committed = known.isEmpty() ? Future.succeededFuture(List.of())
                    : groups.commitOffsets(new OffsetCommitRequest(data.groupId(), data.generationIdOrMemberEpoch(),
                                    data.memberId(), data.groupInstanceId(), known))
                            .map(result -> result.partitions())
                            .otherwise(failure -> known.stream().map(o ->
                                    new PartitionError(o.topic(), o.partition(), ErrorCode.COORDINATOR_NOT_AVAILABLE)).toList());
            return committed.map(results -> {
                results.forEach(r -> outcome.put(new TopicPartitionKey(r.topic(), r.partition()), r.error()));
                return respond(data, outcome);
            });
        });
    }

    private static OffsetCommitResponseData respond(OffsetCommitRequestData data, Map<TopicPartitionKey, ErrorCode> outcome) {
        OffsetCommitResponseData response = new OffsetCommitResponseData();
        for (OffsetCommitRequestTopic t : data.topics()) {
            OffsetCommitResponseTopic topic = new OffsetCommitResponseTopic().setName(t.name());
            for (OffsetCommitRequestPartition p : t.partitions()) {
                ErrorCode error = outcome.getOrDefault(new TopicPartitionKey(t.name(), p.partitionIndex()), ErrorCode.UNKNOWN_SERVER_ERROR);
                topic.partitions().add(new OffsetCommitResponsePartition().setPartitionIndex(p.partitionIndex())
                        .setErrorCode(KafkaErrors.code(error)));
            }
            response.topics().add(topic);
        }
        return response;
    }

}
