package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.GroupListing;
import dev.runnel.bus.group.ListGroupsRequest;
import dev.runnel.bus.group.ListGroupsResult;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.ListGroupsResponseData.ListedGroup;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.List;

/** ListGroups with the state (v4+) and type (v5+) filters. Every Runnel group is a "classic" group. */
final class ListGroupsHandler implements ApiHandler<org.apache.kafka.common.requests.ListGroupsRequest> {
    private final GroupBackend groups;

    ListGroupsHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.ListGroupsRequest request) {
        var data = request.data();
        return groups.listGroups(new ListGroupsRequest(List.copyOf(data.statesFilter()), List.copyOf(data.typesFilter())))
                .otherwise(failure -> new ListGroupsResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, List.of()))
                .map(result -> {
                    ListGroupsResponseData response = new ListGroupsResponseData().setErrorCode(KafkaErrors.code(result.error()));
                    for (GroupListing g : result.groups()) {
                        response.groups().add(new ListedGroup().setGroupId(g.groupId()).setProtocolType(g.protocolType())
                                .setGroupState(g.state()).setGroupType("classic"));
                    }
                    return response;
                });
    }
}
