package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.MemberAssignment;
import dev.runnel.bus.group.SyncGroupRequest;
import dev.runnel.bus.group.SyncGroupResult;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupResponseData;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.List;

/** SyncGroup, relayed to the coordinator: the leader brings the assignment, followers wait for theirs. */
final class SyncGroupHandler implements ApiHandler<org.apache.kafka.common.requests.SyncGroupRequest> {
    private final GroupBackend groups;

    SyncGroupHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.SyncGroupRequest request) {
        SyncGroupRequestData data = request.data();
        List<MemberAssignment> assignments = data.assignments().stream()
                .map(a -> new MemberAssignment(a.memberId(), a.assignment())).toList();
        SyncGroupRequest sync = new SyncGroupRequest(data.groupId(), data.generationId(), data.memberId(),
                data.groupInstanceId(), data.protocolType(), data.protocolName(), assignments);
        return groups.sync(sync)
                .otherwise(failure -> SyncGroupResult.failed(ErrorCode.COORDINATOR_NOT_AVAILABLE))
                .map(result -> new SyncGroupResponseData()
                        .setErrorCode(KafkaErrors.code(result.error()))
                        .setProtocolType(result.protocolType())
                        .setProtocolName(result.protocolName())
                        .setAssignment(result.assignment() == null ? new byte[0] : result.assignment()));
    }
}
