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

/** {@link GroupBackend#unavailable()}: no coordinator; every request fails. */
final class UnavailableGroupBackend implements GroupBackend {

    private static <T> Future<T> none() {
        return Future.failedFuture(new IllegalStateException("no group coordinator configured"));
    }

    @Override public Future<JoinGroupResult> join(JoinGroupRequest request) { return none(); }
    @Override public Future<SyncGroupResult> sync(SyncGroupRequest request) { return none(); }
    @Override public Future<GroupErrorResult> heartbeat(HeartbeatRequest request) { return none(); }
    @Override public Future<LeaveGroupResult> leave(LeaveGroupRequest request) { return none(); }
    @Override public Future<OffsetCommitResult> commitOffsets(OffsetCommitRequest request) { return none(); }
    @Override public Future<OffsetFetchResult> fetchOffsets(OffsetFetchRequest request) { return none(); }
    @Override public Future<ListGroupsResult> listGroups(ListGroupsRequest request) { return none(); }
    @Override public Future<DescribeGroupsResult> describeGroups(DescribeGroupsRequest request) { return none(); }
    @Override public Future<DeleteGroupsResult> deleteGroups(DeleteGroupsRequest request) { return none(); }
    @Override public Future<OffsetDeleteResult> deleteOffsets(OffsetDeleteRequest request) { return none(); }
}
