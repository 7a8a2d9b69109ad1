package dev.runnel.wire;

import dev.runnel.bus.group.DeleteGroupsRequest;
import dev.runnel.bus.group.DeleteGroupsResult;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.DescribeGroupsResult;
import dev.runnel.bus.group.GroupErrorResult;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.LeaveGroupRequest;
import dev.runnel.bus.group.LeaveGroupResult;
import dev.runnel.bus.group.ListGroupsRequest;
import dev.runnel.bus.group.ListGroupsResult;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetCommitResult;
import dev.runnel.bus.group.OffsetDeleteRequest;
import dev.runnel.bus.group.OffsetDeleteResult;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetFetchResult;
import dev.runnel.bus.group.SyncGroupRequest;
import dev.runnel.bus.group.SyncGroupResult;
import io.vertx.core.Future;

/**
 * What the Kafka protocol layer needs for consumer groups and committed offsets, in Runnel's types
 * ({@code dev.runnel.bus.group}). The gateway implements it over the event bus to the offset-service.
 *
 * <p>A failed future means the coordinator could not be reached; the handlers answer COORDINATOR_NOT_AVAILABLE,
 * which clients retry after finding the coordinator again. JoinGroup and SyncGroup futures may take up to the
 * group's rebalance timeout. Futures complete on a Vert.x context.
 */
public interface GroupBackend {

    Future<JoinGroupResult> join(JoinGroupRequest request);

    Future<SyncGroupResult> sync(SyncGroupRequest request);

    Future<GroupErrorResult> heartbeat(HeartbeatRequest request);

    Future<LeaveGroupResult> leave(LeaveGroupRequest request);

    Future<OffsetCommitResult> commitOffsets(OffsetCommitRequest request);

    Future<OffsetFetchResult> fetchOffsets(OffsetFetchRequest request);

    Future<ListGroupsResult> listGroups(ListGroupsRequest request);

    Future<DescribeGroupsResult> describeGroups(DescribeGroupsRequest request);

    Future<DeleteGroupsResult> deleteGroups(DeleteGroupsRequest request);

    Future<OffsetDeleteResult> deleteOffsets(OffsetDeleteRequest request);

    /** A backend without a coordinator: every group request fails, so clients see COORDINATOR_NOT_AVAILABLE. */
    static GroupBackend unavailable() {
        return new UnavailableGroupBackend();
    }
}
