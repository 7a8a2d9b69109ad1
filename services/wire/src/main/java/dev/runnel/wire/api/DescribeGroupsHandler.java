package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.DescribeGroupsResult;
import dev.runnel.bus.group.GroupDescription;
import dev.runnel.bus.group.MemberDescription;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroup;
import org.apache.kafka.common.message.DescribeGroupsResponseData.DescribedGroupMember;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.List;

/** DescribeGroups: state, protocol and members with their metadata and assignment; unknown groups are "Dead". */
final class DescribeGroupsHandler implements ApiHandler<org.apache.kafka.common.requests.DescribeGroupsRequest> {
    private final GroupBackend groups;

    DescribeGroupsHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.DescribeGroupsRequest request) {
        List<String> ids = List.copyOf(request.data().groups());
        return groups.describeGroups(new DescribeGroupsRequest(ids))
                .otherwise(failure -> new DescribeGroupsResult(ids.stream().map(id -> new GroupDescription(id,
                        ErrorCode.COORDINATOR_NOT_AVAILABLE, "Dead", "", "", List.of())).toList()))
                .map(result -> {
                    DescribeGroupsResponseData response = new DescribeGroupsResponseData();
                    for (GroupDescription g : result.groups()) {
                        DescribedGroup described = new DescribedGroup().setGroupId(g.groupId())
                                .setErrorCode(KafkaErrors.code(g.error())).setGroupState(g.state())
                                .setProtocolType(g.protocolType()).setProtocolData(g.protocolName());
                        for (MemberDescription m : g.members()) {
                            described.members().add(new DescribedGroupMember().setMemberId(m.memberId())
                                    .setGroupInstanceId(m.groupInstanceId()).setClientId(m.clientId())
                                    .setClientHost(m.clientHost()).setMemberMetadata(m.metadata())
                                    .setMemberAssignment(m.assignment()));
                        }
                        response.groups().add(described);
                    }
                    return response;
                });
    }
}
