package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.OffsetDeleteRequest;
import dev.runnel.bus.group.OffsetDeleteResult;
import dev.runnel.bus.group.PartitionError;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponsePartition;
import org.apache.kafka.common.message.OffsetDeleteResponseData.OffsetDeleteResponseTopic;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.ArrayList;
import java.util.List;

/** OffsetDelete: a group's offsets for topics its members do not subscribe to (GROUP_SUBSCRIBED_TO_TOPIC otherwise). */
final class OffsetDeleteHandler implements ApiHandler<org.apache.kafka.common.requests.OffsetDeleteRequest> {
    private final GroupBackend groups;

    OffsetDeleteHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.OffsetDeleteRequest request) {
        OffsetDeleteRequestData data = request.data();
        List<TopicPartitionRef> partitions = new ArrayList<>();
        data.topics().forEach(t -> t.partitions().forEach(p -> partitions.add(new TopicPartitionRef(t.name(), p.partitionIndex()))));
        return groups.deleteOffsets(new OffsetDeleteRequest(data.groupId(), partitions))
                .otherwise(failure -> new OffsetDeleteResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, List.of()))
                .map(result -> {
                    OffsetDeleteResponseData response = new OffsetDeleteResponseData().setErrorCode(KafkaErrors.code(result.error()));
                    if (result.error() != ErrorCode.NONE) {
                        return response;
                    }
                    for (PartitionError p : result.partitions()) {
                        OffsetDeleteResponseTopic topic = response.topics().find(p.topic());
                        if (topic == null) {
                            topic = new OffsetDeleteResponseTopic().setName(p.topic());
                            response.topics().add(topic);
                        }
                        topic.partitions().add(new OffsetDeleteResponsePartition().setPartitionIndex(p.partition())
                                .setErrorCode(KafkaErrors.code(p.error())));
                    }
                    return response;
                });
    }
}
