package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.GroupProtocol;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.JoinedMember;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.clients.consumer.internals.ConsumerProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.JoinGroupResponseData.JoinGroupResponseMember;
import org.apache.kafka.common.protocol.ApiMessage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * JoinGroup, relayed to the coordinator; the answer may wait for the rebalance. v4+ clients require a known
 * member id (MEMBER_ID_REQUIRED first). For the consumer protocol the subscribed topics are read from the
 * first protocol's metadata, so the coordinator can refuse OffsetDelete of a subscribed topic.
 */
final class JoinGroupHandler implements ApiHandler<org.apache.kafka.common.requests.JoinGroupRequest> {
    private final GroupBackend groups;

    JoinGroupHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.JoinGroupRequest request) {
        JoinGroupRequestData data = request.data();
        short version = context.apiVersion();
        List<GroupProtocol> protocols = new ArrayList<>();
        for (JoinGroupRequestProtocol p : data.protocols()) {
            protocols.add(new GroupProtocol(p.name(), p.metadata()));
        }
        // v0 has no rebalance timeout: the session timeout is both
        int rebalanceTimeout = version == 0 || data.rebalanceTimeoutMs() < 0 ? data.sessionTimeoutMs() : data.rebalanceTimeoutMs();
        JoinGroupRequest join = new JoinGroupRequest(data.groupId(), data.memberId(), data.groupInstanceId(),
                data.protocolType(), protocols, data.sessionTimeoutMs(), rebalanceTimeout, context.clientId(),
                GroupRequests.clientHost(context), version >= 4, subscribedTopics(data));
        return groups.join(join)
                .otherwise(failure -> JoinGroupResult.failed(ErrorCode.COORDINATOR_NOT_AVAILABLE, data.memberId()))
                .map(result -> respond(result, version));
    }

    private static List<String> subscribedTopics(JoinGroupRequestData data) {
        if (!ConsumerProtocol.PROTOCOL_TYPE.equals(data.protocolType()) || data.protocols().isEmpty()) {
            return List.of();
        }
        try {
            return List.copyOf(ConsumerProtocol.deserializeSubscription(
                    ByteBuffer.wrap(data.protocols().iterator().next().metadata())).topics());
        } catch (RuntimeException unreadable) {
            return List.of(); // not our business to refuse a member whose metadata we cannot read
        }
    }

    private static JoinGroupResponseData respond(JoinGroupResult result, short version) {
        List<JoinGroupResponseMember> members = new ArrayList<>();
        for (JoinedMember m : result.members()) {
            members.add(new JoinGroupResponseMember().setMemberId(m.memberId()).setGroupInstanceId(m.groupInstanceId())
                    .setMetadata(m.metadata()));
        }
        // the protocol name is nullable only from v7
        String protocolName = result.protocolName() != null ? result.protocolName() : version >= 7 ? null : "";
        return new JoinGroupResponseData()
                .setErrorCode(KafkaErrors.code(result.error()))
                .setGenerationId(result.generationId())
                .setProtocolType(result.protocolType())
                .setProtocolName(protocolName)
                .setLeader(result.leader() == null ? "" : result.leader())
                .setSkipAssignment(result.skipAssignment())
                .setMemberId(result.memberId() == null ? "" : result.memberId())
                .setMembers(members);
    }
}
