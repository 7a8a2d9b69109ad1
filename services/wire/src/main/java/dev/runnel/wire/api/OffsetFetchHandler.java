package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetFetchResult;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseGroup;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartition;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponsePartitions;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopic;
import org.apache.kafka.common.message.OffsetFetchResponseData.OffsetFetchResponseTopics;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OffsetFetch: one group before v8, several from v8 (one coordinator request per group). Topics null (v2+)
 * means every committed partition. Offset -1 where nothing is committed. Before v2 there is no group-level
 * error, so a coordinator error is put on every partition instead. Runnel has no transactions, so
 * {@code requireStable} never waits.
 */
final class OffsetFetchHandler implements ApiHandler<org.apache.kafka.common.requests.OffsetFetchRequest> {
    private final GroupBackend groups;

    OffsetFetchHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.OffsetFetchRequest request) {
        OffsetFetchRequestData data = request.data();
        if (context.apiVersion() >= 8) {
            List<Future<OffsetFetchResponseGroup>> answers = new ArrayList<>();
            for (OffsetFetchRequestData.OffsetFetchRequestGroup g : data.groups()) {
                List<TopicPartitionRef> partitions = g.topics() == null ? null : g.topics().stream()
                        .flatMap(t -> t.partitionIndexes().stream().map(p -> new TopicPartitionRef(t.name(), p))).toList();
                answers.add(fetch(g.groupId(), partitions).map(result -> group(g.groupId(), result)));
            }
            return Future.join(answers).map(done -> {
                OffsetFetchResponseData response = new OffsetFetchResponseData();
                answers.forEach(a -> response.groups().add(a.result()));
                return response;
            });
        }
        List<TopicPartitionRef> partitions = data.topics() == null ? null : data.topics().stream()
                .flatMap(t -> t.partitionIndexes().stream().map(p -> new TopicPartitionRef(t.name(), p))).toList();
        return fetch(data.groupId(), partitions).map(result -> single(result, partitions, context.apiVersion()));
    }

    private Future<OffsetFetchResult> fetch(String groupId, List<TopicPartitionRef> partitions) {
        return groups.fetchOffsets(new OffsetFetchRequest(groupId, partitions))
                .otherwise(failure -> new OffsetFetchResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, List.of()));
    }

    private static ApiMessage single(OffsetFetchResult result, List<TopicPartitionRef> requested, short version) {
        OffsetFetchResponseData response = new OffsetFetchResponseData();
        Map<String, OffsetFetchResponseTopic> topics = new LinkedHashMap<>();
        if (result.error() != ErrorCode.NONE && version < 2 && requested != null) {
            for (TopicPartitionRef p : requested) {
                topics.computeIfAbsent(p.topic(), name -> new OffsetFetchResponseTopic().setName(name)).partitions()
                        .add(new OffsetFetchResponsePartition().setPartitionIndex(p.partition()).setCommittedOffset(-1)
                                .setMetadata("").setErrorCode(KafkaErrors.code(result.error())));
            }
        }
        for (CommittedOffset o : result.offsets()) {
            topics.computeIfAbsent(o.topic(), name -> new OffsetFetchResponseTopic().setName(name)).partitions()
                    .add(new OffsetFetchResponsePartition().setPartitionIndex(o.partition()).setCommittedOffset(o.offset())
                            .setCommittedLeaderEpoch(o.leaderEpoch()).setMetadata(o.metadata()));
        }
        return response.setErrorCode(KafkaErrors.code(result.error())).setTopics(new ArrayList<>(topics.values()));
    }

    private static OffsetFetchResponseGroup group(String groupId, OffsetFetchResult result) {
        Map<String, OffsetFetchResponseTopics> topics = new LinkedHashMap<>();
        for (CommittedOffset o : result.offsets()) {
            topics.computeIfAbsent(o.topic(), name -> new OffsetFetchResponseTopics().setName(name)).partitions()
                    .add(new OffsetFetchResponsePartitions().setPartitionIndex(o.partition()).setCommittedOffset(o.offset())
                            .setCommittedLeaderEpoch(o.leaderEpoch()).setMetadata(o.metadata()));
        }
        return new OffsetFetchResponseGroup().setGroupId(groupId).setErrorCode(KafkaErrors.code(result.error()))
                .setTopics(new ArrayList<>(topics.values()));
    }
}
