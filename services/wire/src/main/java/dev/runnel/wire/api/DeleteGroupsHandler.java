package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.DeleteGroupsRequest;
import dev.runnel.bus.group.DeleteGroupsResult;
import dev.runnel.bus.group.GroupError;
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DeleteGroupsResponseData.DeletableGroupResult;
import org.apache.kafka.common.protocol.ApiMessage;

import java.util.List;

/** DeleteGroups: only groups without members (NON_EMPTY_GROUP otherwise), with their committed offsets. */
final class DeleteGroupsHandler implements ApiHandler<org.apache.kafka.common.requests.DeleteGroupsRequest> {
    private final GroupBackend groups;

    DeleteGroupsHandler(GroupBackend groups) {
        this.groups = groups;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, org.apache.kafka.common.requests.DeleteGroupsRequest request) {
        List<String> ids = List.copyOf(request.data().groupsNames());
        return groups.deleteGroups(new DeleteGroupsRequest(ids))
                .otherwise(failure -> new DeleteGroupsResult(ids.stream()
                        .map(id -> new GroupError(id, ErrorCode.COORDINATOR_NOT_AVAILABLE)).toList()))
                .map(result -> {
                    DeleteGroupsResponseData response = new DeleteGroupsResponseData();
                    result.groups().forEach(g -> response.results().add(new DeletableGroupResult().setGroupId(g.groupId())
                            .setErrorCode(KafkaErrors.code(g.error()))));
                    return response;
                });
    }
}
