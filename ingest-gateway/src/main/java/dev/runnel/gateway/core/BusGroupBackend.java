package dev.runnel.gateway.core;

import dev.runnel.bus.Addresses;
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
import dev.runnel.wire.GroupBackend;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/**
 * The gateway's {@link GroupBackend}: every group request goes to the offset-service over the event bus. A
 * failed or timed-out request fails the future; the protocol layer answers COORDINATOR_NOT_AVAILABLE, so
 * clients look the coordinator up again and retry. JoinGroup and SyncGroup may be parked by the coordinator
 * until the rebalance completes, so they wait for the request's own rebalance (or session) timeout plus a margin.
 */
public final class BusGroupBackend implements GroupBackend {
    /** Extra time the bus waits beyond what the coordinator may legitimately take. */
    private static final long MARGIN_MS = 5_000;
    /** Requests the coordinator answers at once (or after one PostgreSQL round trip). */
    private static final long PROMPT_TIMEOUT_MS = 15_000;
    /** SyncGroup carries no timeout; followers wait for the leader at most Kafka's largest session timeout. */
    private static final long SYNC_TIMEOUT_MS = 300_000;

    private final EventBus bus;
    private final BusRequestObserver busObserver;

    public BusGroupBackend(EventBus bus) {
        this(bus, BusRequestObserver.NONE);
    }

    public BusGroupBackend(EventBus bus, BusRequestObserver busObserver) {
        this.bus = bus;
        this.busObserver = busObserver;
    }

    @Override
    public Future<JoinGroupResult> join(JoinGroupRequest request) {
        long mayTake = Math.max(request.rebalanceTimeoutMs(), request.sessionTimeoutMs());
        return request(Addresses.GROUPS_JOIN, request, mayTake + MARGIN_MS);
    }

    @Override
    public Future<SyncGroupResult> sync(SyncGroupRequest request) {
        return request(Addresses.GROUPS_SYNC, request, SYNC_TIMEOUT_MS);
    }

    @Override
    public Future<GroupErrorResult> heartbeat(HeartbeatRequest request) {
        return request(Addresses.GROUPS_HEARTBEAT, request, PROMPT_TIMEOUT_MS);
    }

    @Override
    public Future<LeaveGroupResult> leave(LeaveGroupRequest request) {
        return request(Addresses.GROUPS_LEAVE, request, PROMPT_TIMEOUT_MS);
    }

    @Override
    public Future<OffsetCommitResult> commitOffsets(OffsetCommitRequest request) {
        return request(Addresses.GROUPS_OFFSET_COMMIT, request, PROMPT_TIMEOUT_MS);
    }

    @Override
    public Future<OffsetFetchResult> fetchOffsets(OffsetFetchRequest request) {
        return request(Addresses.GROUPS_OFFSET_FETCH, request, PROMPT_TIMEOUT_MS);
    }

    @Override
    public Future<ListGroupsResult> listGroups(ListGroupsRequest request) {
        return request(Addresses.GROUPS_LIST, request, PROMPT_TIMEOUT_MS);
    }

    @Override
    public Future<DescribeGroupsResult> describeGroups(DescribeGroupsRequest request) {
        return request(Addresses.GROUPS_DESCRIBE, request, PROMPT_TIMEOUT_MS);
    }

    @Override
    public Future<DeleteGroupsResult> deleteGroups(DeleteGroupsRequest request) {
        return request(Addresses.GROUPS_DELETE, request, PROMPT_TIMEOUT_MS);
    }

    @Override
    public Future<OffsetDeleteResult> deleteOffsets(OffsetDeleteRequest request) {
        return request(Addresses.GROUPS_OFFSET_DELETE, request, PROMPT_TIMEOUT_MS);
    }

    private <T> Future<T> request(String address, Object request, long timeoutMs) {
        long start = System.nanoTime();
        return bus.<T>request(address, request, new DeliveryOptions().setSendTimeout(timeoutMs))
                .onComplete(ar -> busObserver.completed(BusAddressKind.GROUPS, System.nanoTime() - start, ar.succeeded()))
                .map(Message::body);
    }
}
