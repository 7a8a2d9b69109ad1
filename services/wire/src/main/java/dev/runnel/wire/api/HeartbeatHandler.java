package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.HeartbeatResponseData;
import org.apache.kafka.common.protocol.ApiMessage;

/** Heartbeat, relayed to the coordinator. */
final class HeartbeatHandler implements ApiHandler<org.apache.kafka.common.requests.HeartbeatRequest> {
    private final GroupBackend groups;

    HeartbeatHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.HeartbeatRequest request) {
        var data = request.data();
        return groups.heartbeat(new HeartbeatRequest(data.groupId(), data.generationId(), data.memberId(), data.groupInstanceId()))
                .map(result -> result.error())
                .otherwise(ErrorCode.COORDINATOR_NOT_AVAILABLE)
                .map(error -> new HeartbeatResponseData().setErrorCode(KafkaErrors.code(error)));
    }
}
