package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.LeaveGroupRequest;
import dev.runnel.bus.group.LeaveGroupResult;
import dev.runnel.bus.group.LeavingMember;
import dev.runnel.bus.group.LeftMember;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupResponseData.MemberResponse;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.List;

/** LeaveGroup: one member before v3 (its outcome becomes the top-level error), a batch from v3. */
final class LeaveGroupHandler implements ApiHandler<org.apache.kafka.common.requests.LeaveGroupRequest> {
    private final GroupBackend groups;

    LeaveGroupHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.LeaveGroupRequest request) {
        LeaveGroupRequestData data = request.data();
        boolean batched = context.apiVersion() >= 3;
        List<LeavingMember> members = batched
                ? data.members().stream().map(m -> new LeavingMember(m.memberId(), m.groupInstanceId())).toList()
                : List.of(new LeavingMember(data.memberId(), null));
        return groups.leave(new LeaveGroupRequest(data.groupId(), members))
                .otherwise(failure -> new LeaveGroupResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, List.of()))
                .map(result -> {
                    LeaveGroupResponseData response = new LeaveGroupResponseData();
                    if (!batched) {
                        ErrorCode error = result.error() != ErrorCode.NONE || result.members().isEmpty()
                                ? result.error() : result.members().get(0).error();
                        return response.setErrorCode(KafkaErrors.code(error));
                    }
                    response.setErrorCode(KafkaErrors.code(result.error()));
                    for (LeftMember m : result.members()) {
                        response.members().add(new MemberResponse().setMemberId(m.memberId())
                                .setGroupInstanceId(m.groupInstanceId()).setErrorCode(KafkaErrors.code(m.error())));
                    }
                    return response;
                });
    }
}
