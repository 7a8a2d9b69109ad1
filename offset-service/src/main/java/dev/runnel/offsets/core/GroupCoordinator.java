package dev.runnel.offsets.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.DeleteGroupsRequest;
import dev.runnel.bus.group.DeleteGroupsResult;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.DescribeGroupsResult;
import dev.runnel.bus.group.GroupDescription;
import dev.runnel.bus.group.GroupError;
import dev.runnel.bus.group.GroupErrorResult;
import dev.runnel.bus.group.GroupListing;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.JoinedMember;
import dev.runnel.bus.group.LeaveGroupRequest;
import dev.runnel.bus.group.LeaveGroupResult;
import dev.runnel.bus.group.LeavingMember;
import dev.runnel.bus.group.LeftMember;
import dev.runnel.bus.group.ListGroupsRequest;
import dev.runnel.bus.group.ListGroupsResult;
import dev.runnel.bus.group.MemberAssignment;
import dev.runnel.bus.group.MemberDescription;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetCommitResult;
import dev.runnel.bus.group.OffsetDeleteRequest;
import dev.runnel.bus.group.OffsetDeleteResult;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetFetchResult;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.PartitionError;
import dev.runnel.bus.group.SyncGroupRequest;
import dev.runnel.bus.group.SyncGroupResult;
import dev.runnel.bus.group.TopicPartitionRef;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The classic Kafka group coordinator: members join, the coordinator forms a generation and picks a leader,
 * the leader's assignment (computed by the members' own assignor, opaque here) is relayed to every member
 * with SyncGroup, and members heartbeat within their session timeout. Membership lives in memory; committed
 * offsets go through the {@link OffsetStore}.
 *
 * <p>Rebalances: a join that changes the group moves it to PreparingRebalance; it completes when every
 * member has rejoined or the largest rebalance timeout passes (members that did not rejoin are dropped).
 * The first rebalance of an empty group waits {@code group.initial.rebalance.delay.ms}, extended by each new
 * member up to the rebalance timeout, so consumers starting together share one generation.
 *
 * <p>Thread-safety: none. Every method, and every task handed to the {@link Scheduler}, must run on one
 * thread (the offset-service's event-loop context). Futures returned here complete on that thread, or on
 * the store's when they wait for it.
 */
public final class GroupCoordinator {
    private final OffsetStore offsets;
    private final Scheduler scheduler;
    private final Clock clock;
    private final CoordinatorSettings settings;
    private final Supplier<UUID> uuids;
    private final Map<String, Group> groups = new HashMap<>();

    public GroupCoordinator(OffsetStore offsets, Scheduler scheduler, Clock clock, CoordinatorSettings settings) {
        this(offsets, scheduler, clock, settings, UUID::randomUUID);
    }

    GroupCoordinator(OffsetStore offsets, Scheduler scheduler, Clock clock, CoordinatorSettings settings,
                     Supplier<UUID> uuids) {
        this.offsets = offsets;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
        this.uuids = uuids;
    }

    // ---- JoinGroup ------------------------------------------------------------------------------------

    /** Answers at once for errors and for members whose join changes nothing; otherwise when the rebalance completes. */
    public Future<JoinGroupResult> join(JoinGroupRequest request) {
        String memberId = request.memberId() == null ? "" : request.memberId();
        if (request.groupId() == null || request.groupId().isEmpty()) {
            return failedJoin(ErrorCode.INVALID_GROUP_ID, memberId);
        }
        if (request.sessionTimeoutMs() < settings.minSessionTimeout().toMillis()
                || request.sessionTimeoutMs() > settings.maxSessionTimeout().toMillis()) {
            return failedJoin(ErrorCode.INVALID_SESSION_TIMEOUT, memberId);
        }
        if (request.protocolType() == null || request.protocolType().isEmpty() || request.protocols().isEmpty()) {
            return failedJoin(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, memberId);
        }
        Group group = groups.get(request.groupId());
        if (group == null) {
            if (!memberId.isEmpty()) {
                // a member of a generation this coordinator does not know (e.g. before a restart): start over
                return failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, memberId);
            }
            group = new Group(request.groupId());
            groups.put(group.groupId, group);
        }
        if (!group.accepts(request.protocolType(), request.protocols())) {
            return failedJoin(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, memberId);
        }
        return memberId.isEmpty() ? joinNewMember(group, request) : joinKnownMember(group, request, memberId);
    }

    private Future<JoinGroupResult> joinNewMember(Group group, JoinGroupRequest request) {
        Optional<String> instanceId = request.staticInstanceId();
        if (instanceId.isPresent() && group.staticMembers.containsKey(instanceId.get())) {
            return replaceStaticMember(group, group.members.get(group.staticMembers.get(instanceId.get())), request);
        }
        if (group.members.size() + group.pendingMembers.size() >= settings.maxGroupSize()) {
            return failedJoin(ErrorCode.GROUP_MAX_SIZE_REACHED, "");
        }
        String memberId = instanceId.orElse(request.clientId()) + "-" + uuids.get();
        if (instanceId.isEmpty() && request.requireKnownMemberId()) {
            // JoinGroup v4+: hand out the id first, so a member whose answer is lost cannot leave a ghost behind
            group.pendingMembers.put(memberId, scheduler.schedule(Duration.ofMillis(request.sessionTimeoutMs()),
                    () -> expirePendingMember(group.groupId, memberId)));
            return failedJoin(ErrorCode.MEMBER_ID_REQUIRED, memberId);
        }
        return addMemberAndRebalance(group, memberId, request);
    }

    private Future<JoinGroupResult> joinKnownMember(Group group, JoinGroupRequest request, String memberId) {
        Scheduler.Cancellable pending = group.pendingMembers.remove(memberId);
        if (pending != null) {
            pending.cancel();
            return addMemberAndRebalance(group, memberId, request);
        }
        Optional<ErrorCode> invalid = validateMember(group, memberId, request.staticInstanceId());
        if (invalid.isPresent()) {
            return failedJoin(invalid.get(), memberId);
        }
        Member member = group.members.get(memberId);
        switch (group.state) {
            case PREPARING_REBALANCE -> {
                member.update(request);
                return awaitJoin(group, member);
            }
            case COMPLETING_REBALANCE, STABLE -> {
                boolean unchanged = member.sameProtocols(request)
                        && (group.state == GroupState.COMPLETING_REBALANCE || !group.isLeader(memberId));
                if (unchanged) {
                    // a follower (or anyone, before the assignment) rejoining with nothing new: same generation
                    scheduleSessionExpiry(group, member);
                    return Future.succeededFuture(currentGeneration(group, member, false));
                }
                member.update(request);
                prepareRebalance(group);
                return awaitJoin(group, member);
            }
            default -> {
                return failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, memberId);
            }
        }
    }

    private Future<JoinGroupResult> addMemberAndRebalance(Group group, String memberId, JoinGroupRequest request) {
        Member member = new Member(memberId, request);
        group.members.put(memberId, member);
        member.groupInstanceId.ifPresent(id -> group.staticMembers.put(id, memberId));
        if (group.protocolType.isEmpty()) {
            group.protocolType = Optional.of(request.protocolType());
        }
        if (group.state == GroupState.PREPARING_REBALANCE && group.initialDelayActive) {
            group.newMemberAddedDuringDelay = true;
        }
        if (group.state != GroupState.PREPARING_REBALANCE) {
            prepareRebalance(group);
        }
        return awaitJoin(group, member);
    }

    /**
     * A static member came back with a new process (no member id): it takes over its old membership under a new
     * id and fences the old one. In a stable group a follower keeps its assignment without a rebalance.
     */
    private Future<JoinGroupResult> replaceStaticMember(Group group, Member old, JoinGroupRequest request) {
        String newId = old.groupInstanceId.orElseThrow() + "-" + uuids.get();
        Member replacement = new Member(newId, request);
        replacement.assignment = old.assignment;
        boolean wasLeader = group.isLeader(old.memberId);
        boolean sameProtocols = old.sameProtocols(request);
        group.members.remove(old.memberId);
        old.cancelSessionExpiry();
        old.awaitingJoin.ifPresent(p -> p.tryComplete(JoinGroupResult.failed(ErrorCode.FENCED_INSTANCE_ID, old.memberId)));
        old.awaitingSync.ifPresent(p -> p.tryComplete(SyncGroupResult.failed(ErrorCode.FENCED_INSTANCE_ID)));
        group.members.put(newId, replacement);
        group.staticMembers.put(replacement.groupInstanceId.orElseThrow(), newId);
        if (wasLeader) {
            group.leaderId = Optional.of(newId);
        }
        if (group.state == GroupState.STABLE && sameProtocols) {
            scheduleSessionExpiry(group, replacement);
            // the leader must not reassign (skipAssignment): the group's assignment stands
            return Future.succeededFuture(currentGeneration(group, replacement, wasLeader));
        }
        if (group.state != GroupState.PREPARING_REBALANCE) {
            prepareRebalance(group);
        }
        return awaitJoin(group, replacement);
    }

    private Future<JoinGroupResult> awaitJoin(Group group, Member member) {
        Promise<JoinGroupResult> answer = Promise.promise();
        member.awaitingJoin.ifPresent(previous -> previous.tryComplete(
                JoinGroupResult.failed(ErrorCode.REBALANCE_IN_PROGRESS, member.memberId)));
        member.awaitingJoin = Optional.of(answer);
        tryCompleteJoin(group);
        return answer.future();
    }

    private void prepareRebalance(Group group) {
        if (group.state == GroupState.COMPLETING_REBALANCE) {
            // the assignment being formed is void: followers waiting for it must rejoin
            for (Member m : group.members.values()) {
                m.assignment = new byte[0];
                m.awaitingSync.ifPresent(p -> p.tryComplete(SyncGroupResult.failed(ErrorCode.REBALANCE_IN_PROGRESS)));
                m.awaitingSync = Optional.empty();
            }
        }
        boolean fromEmpty = group.state == GroupState.EMPTY;
        group.state = GroupState.PREPARING_REBALANCE;
        group.cancelRebalanceTimer();
        long rebalanceTimeout = group.maxRebalanceTimeoutMs();
        if (fromEmpty) {
            group.initialDelayActive = true;
            group.newMemberAddedDuringDelay = false;
            group.initialDelayDeadlineMs = clock.millis() + rebalanceTimeout;
            long delay = Math.min(settings.initialRebalanceDelay().toMillis(), rebalanceTimeout);
            group.rebalanceTimer = Optional.of(scheduler.schedule(Duration.ofMillis(delay),
                    () -> initialDelayPassed(group)));
        } else {
            group.rebalanceTimer = Optional.of(scheduler.schedule(Duration.ofMillis(rebalanceTimeout),
                    () -> completeJoin(group)));
        }
    }

    private void initialDelayPassed(Group group) {
        long remaining = group.initialDelayDeadlineMs - clock.millis();
        if (group.newMemberAddedDuringDelay && remaining > 0) {
            group.newMemberAddedDuringDelay = false;
            long delay = Math.min(settings.initialRebalanceDelay().toMillis(), remaining);
            group.rebalanceTimer = Optional.of(scheduler.schedule(Duration.ofMillis(delay), () -> initialDelayPassed(group)));
            return;
        }
        group.initialDelayActive = false;
        completeJoin(group);
    }

    private void tryCompleteJoin(Group group) {
        if (group.state == GroupState.PREPARING_REBALANCE && !group.initialDelayActive && group.allMembersJoined()) {
            completeJoin(group);
        }
    }

    /** Forms the next generation from the members that rejoined and answers their JoinGroups. */
    private void completeJoin(Group group) {
        if (group.state != GroupState.PREPARING_REBALANCE || groups.get(group.groupId) != group) {
            return;
        }
        group.cancelRebalanceTimer();
        group.initialDelayActive = false;
        for (Member m : List.copyOf(group.members.values())) {
            if (m.awaitingJoin.isEmpty()) {
                removeMember(group, m, ErrorCode.UNKNOWN_MEMBER_ID);
            }
        }
        group.generationId++;
        if (group.members.isEmpty()) {
            group.state = GroupState.EMPTY;
            group.protocolName = Optional.empty();
            group.leaderId = Optional.empty();
            return;
        }
        group.state = GroupState.COMPLETING_REBALANCE;
        group.protocolName = group.selectProtocol();
        if (group.leaderId.filter(group.members::containsKey).isEmpty()) {
            group.leaderId = Optional.of(group.members.keySet().iterator().next());
        }
        for (Member m : group.members.values()) {
            Promise<JoinGroupResult> answer = m.awaitingJoin.orElseThrow();
            m.awaitingJoin = Optional.empty();
            scheduleSessionExpiry(group, m);
            answer.tryComplete(currentGeneration(group, m, false));
        }
    }

    private JoinGroupResult currentGeneration(Group group, Member member, boolean skipAssignment) {
        String protocol = group.protocolName.orElse("");
        List<JoinedMember> members = new ArrayList<>();
        if (group.isLeader(member.memberId)) {
            for (Member m : group.members.values()) {
                members.add(new JoinedMember(m.memberId, m.groupInstanceId.orElse(null), m.metadata(protocol)));
            }
        }
        return new JoinGroupResult(ErrorCode.NONE, group.generationId, group.protocolType.orElse(null), protocol,
                group.leaderId.orElse(""), skipAssignment, member.memberId, members);
    }

    // ---- SyncGroup, Heartbeat, LeaveGroup ------------------------------------------------------------

    /** Followers' answers wait for the leader's assignment; the leader's assignment makes the group Stable. */
    public Future<SyncGroupResult> sync(SyncGroupRequest request) {
        Group group = groups.get(request.groupId());
        if (group == null) {
            return Future.succeededFuture(SyncGroupResult.failed(ErrorCode.UNKNOWN_MEMBER_ID));
        }
        Optional<ErrorCode> invalid = validateMember(group, request.memberId(), request.staticInstanceId());
        if (invalid.isPresent()) {
            return Future.succeededFuture(SyncGroupResult.failed(invalid.get()));
        }
        if (request.generationId() != group.generationId) {
            return Future.succeededFuture(SyncGroupResult.failed(ErrorCode.ILLEGAL_GENERATION));
        }
        if ((request.protocolType() != null && !group.protocolType.filter(request.protocolType()::equals).isPresent())
                || (request.protocolName() != null && !group.protocolName.filter(request.protocolName()::equals).isPresent())) {
            return Future.succeededFuture(SyncGroupResult.failed(ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
        }
        Member member = group.members.get(request.memberId());
        switch (group.state) {
            case PREPARING_REBALANCE -> {
                return Future.succeededFuture(SyncGroupResult.failed(ErrorCode.REBALANCE_IN_PROGRESS));
            }
            case COMPLETING_REBALANCE -> {
                Promise<SyncGroupResult> answer = Promise.promise();
                member.awaitingSync = Optional.of(answer);
                scheduleSessionExpiry(group, member);
                if (group.isLeader(member.memberId)) {
                    applyAssignment(group, request.assignments());
                }
                return answer.future();
            }
            case STABLE -> {
                scheduleSessionExpiry(group, member);
                return Future.succeededFuture(assignmentOf(group, member));
            }
            default -> {
                return Future.succeededFuture(SyncGroupResult.failed(ErrorCode.UNKNOWN_MEMBER_ID));
            }
        }
    }

    /** The leader's assignment: members it leaves out get an empty one; ids not in the group are ignored. */
    private void applyAssignment(Group group, List<MemberAssignment> assignments) {
        Map<String, byte[]> byMember = new HashMap<>();
        assignments.forEach(a -> byMember.put(a.memberId(), a.assignment() == null ? new byte[0] : a.assignment()));
        group.state = GroupState.STABLE;
        for (Member m : group.members.values()) {
            m.assignment = byMember.getOrDefault(m.memberId, new byte[0]);
            m.awaitingSync.ifPresent(p -> p.tryComplete(assignmentOf(group, m)));
            m.awaitingSync = Optional.empty();
        }
    }

    private static SyncGroupResult assignmentOf(Group group, Member member) {
        return new SyncGroupResult(ErrorCode.NONE, group.protocolType.orElse(null), group.protocolName.orElse(null),
                member.assignment);
    }

    public GroupErrorResult heartbeat(HeartbeatRequest request) {
        Group group = groups.get(request.groupId());
        if (group == null) {
            return new GroupErrorResult(ErrorCode.UNKNOWN_MEMBER_ID);
        }
        Optional<ErrorCode> invalid = validateMember(group, request.memberId(), request.staticInstanceId());
        if (invalid.isPresent()) {
            return new GroupErrorResult(invalid.get());
        }
        Member member = group.members.get(request.memberId());
        return new GroupErrorResult(switch (group.state) {
            case PREPARING_REBALANCE -> {
                scheduleSessionExpiry(group, member);
                yield ErrorCode.REBALANCE_IN_PROGRESS;
            }
            case COMPLETING_REBALANCE, STABLE -> {
                if (request.generationId() != group.generationId) {
                    yield ErrorCode.ILLEGAL_GENERATION;
                }
                scheduleSessionExpiry(group, member);
                yield ErrorCode.NONE;
            }
            default -> ErrorCode.UNKNOWN_MEMBER_ID;
        });
    }

    public LeaveGroupResult leave(LeaveGroupRequest request) {
        Group group = groups.get(request.groupId());
        List<LeftMember> outcomes = new ArrayList<>();
        boolean removed = false;
        for (LeavingMember leaving : request.members()) {
            String memberId = leaving.memberId() == null ? "" : leaving.memberId();
            if (group == null) {
                outcomes.add(new LeftMember(memberId, leaving.groupInstanceId(), ErrorCode.UNKNOWN_MEMBER_ID));
                continue;
            }
            if (memberId.isEmpty() && leaving.staticInstanceId().isPresent()) {
                memberId = group.staticMembers.getOrDefault(leaving.staticInstanceId().get(), "");
            }
            Scheduler.Cancellable pending = group.pendingMembers.remove(memberId);
            if (pending != null) {
                pending.cancel();
                outcomes.add(new LeftMember(memberId, leaving.groupInstanceId(), ErrorCode.NONE));
                removed = true;
                continue;
            }
            Optional<ErrorCode> invalid = validateMember(group, memberId, leaving.staticInstanceId());
            if (invalid.isPresent()) {
                outcomes.add(new LeftMember(memberId, leaving.groupInstanceId(), invalid.get()));
                continue;
            }
            removeMember(group, group.members.get(memberId), ErrorCode.UNKNOWN_MEMBER_ID);
            outcomes.add(new LeftMember(memberId, leaving.groupInstanceId(), ErrorCode.NONE));
            removed = true;
        }
        if (removed) {
            membershipShrank(group);
        }
        return new LeaveGroupResult(ErrorCode.NONE, outcomes);
    }

    // ---- offsets ---------------------------------------------------------------------------------------

    /** Acknowledged per partition only once the store has made the offsets durable. */
    public Future<OffsetCommitResult> commitOffsets(OffsetCommitRequest request) {
        Optional<ErrorCode> refused = commitRefusal(request);
        if (refused.isPresent()) {
            return Future.succeededFuture(allPartitions(request.offsets(), refused.get()));
        }
        List<OffsetToCommit> valid = new ArrayList<>();
        Map<Integer, ErrorCode> errors = new HashMap<>();
        for (int i = 0; i < request.offsets().size(); i++) {
            OffsetToCommit o = request.offsets().get(i);
            if (o.metadata() != null && o.metadata().length() > settings.offsetMetadataMaxBytes()) {
                errors.put(i, ErrorCode.OFFSET_METADATA_TOO_LARGE);
            } else {
                valid.add(o.metadata() == null ? new OffsetToCommit(o.topic(), o.partition(), o.offset(), o.leaderEpoch(), "") : o);
            }
        }
        Future<Void> written = valid.isEmpty() ? Future.succeededFuture()
                : offsets.commit(request.groupId(), valid, clock.instant());
        return written.map(ok -> ErrorCode.NONE)
                .otherwise(ErrorCode.COORDINATOR_NOT_AVAILABLE)
                .map(outcome -> {
                    List<PartitionError> results = new ArrayList<>();
                    for (int i = 0; i < request.offsets().size(); i++) {
                        OffsetToCommit o = request.offsets().get(i);
                        results.add(new PartitionError(o.topic(), o.partition(), errors.getOrDefault(i, outcome)));
                    }
                    return new OffsetCommitResult(results);
                });
    }

    private Optional<ErrorCode> commitRefusal(OffsetCommitRequest request) {
        if (request.groupId() == null || request.groupId().isEmpty()) {
            return Optional.of(ErrorCode.INVALID_GROUP_ID);
        }
        Group group = groups.get(request.groupId());
        if (group == null) {
            // without group management (manual assignment, admin tools) a commit needs no membership; a
            // generation this coordinator does not know (e.g. from before a restart) must rejoin first
            return request.generationId() < 0 ? Optional.empty() : Optional.of(ErrorCode.ILLEGAL_GENERATION);
        }
        if (request.generationId() < 0 && group.state == GroupState.EMPTY) {
            return Optional.empty();
        }
        if (group.state == GroupState.COMPLETING_REBALANCE) {
            return Optional.of(ErrorCode.REBALANCE_IN_PROGRESS);
        }
        Optional<ErrorCode> invalid = validateMember(group, request.memberId(), request.staticInstanceId());
        if (invalid.isPresent()) {
            return invalid;
        }
        if (request.generationId() != group.generationId) {
            return Optional.of(ErrorCode.ILLEGAL_GENERATION);
        }
        // a commit proves the member alive, like a heartbeat
        scheduleSessionExpiry(group, group.members.get(request.memberId()));
        return Optional.empty();
    }

    private static OffsetCommitResult allPartitions(List<OffsetToCommit> offsets, ErrorCode error) {
        return new OffsetCommitResult(offsets.stream().map(o -> new PartitionError(o.topic(), o.partition(), error)).toList());
    }

    /** The requested partitions in request order (offset -1 where nothing is committed), or every committed one. */
    public Future<OffsetFetchResult> fetchOffsets(OffsetFetchRequest request) {
        return offsets.committed(request.groupId())
                .map(committed -> {
                    if (request.requested().isEmpty()) {
                        return new OffsetFetchResult(ErrorCode.NONE, committed);
                    }
                    Map<TopicPartitionRef, CommittedOffset> byPartition = new HashMap<>();
                    committed.forEach(c -> byPartition.put(new TopicPartitionRef(c.topic(), c.partition()), c));
                    List<CommittedOffset> answer = request.requested().get().stream()
                            .map(p -> byPartition.getOrDefault(p, CommittedOffset.none(p.topic(), p.partition())))
                            .toList();
                    return new OffsetFetchResult(ErrorCode.NONE, answer);
                })
                .otherwise(failure -> new OffsetFetchResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, List.of()));
    }

    // ---- administration --------------------------------------------------------------------------------

    /** Groups with members, and groups known only by their committed offsets (listed as Empty). */
    public Future<ListGroupsResult> listGroups(ListGroupsRequest request) {
        Set<String> states = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        states.addAll(request.statesFilter() == null ? List.of() : request.statesFilter());
        boolean classicWanted = request.typesFilter() == null || request.typesFilter().isEmpty()
                || request.typesFilter().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).equals("classic"));
        return offsets.groupsWithOffsets()
                .map(withOffsets -> {
                    List<GroupListing> listings = new ArrayList<>();
                    Set<String> all = new TreeSet<>(withOffsets);
                    all.addAll(groups.keySet());
                    for (String id : all) {
                        Group g = groups.get(id);
                        GroupListing listing = g == null ? new GroupListing(id, "", GroupState.EMPTY.kafkaName())
                                : new GroupListing(id, g.protocolType.orElse(""), g.state.kafkaName());
                        if (classicWanted && (states.isEmpty() || states.contains(listing.state()))) {
                            listings.add(listing);
                        }
                    }
                    return new ListGroupsResult(ErrorCode.NONE, listings);
                })
                .otherwise(failure -> new ListGroupsResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, List.of()));
    }

    /** A group without members but with offsets is Empty; one Runnel does not know at all is Dead. */
    public Future<DescribeGroupsResult> describeGroups(DescribeGroupsRequest request) {
        return offsets.groupsWithOffsets()
                .map(withOffsets -> new DescribeGroupsResult(request.groupIds().stream()
                        .map(id -> describe(id, withOffsets.contains(id))).toList()))
                .otherwise(failure -> new DescribeGroupsResult(request.groupIds().stream()
                        .map(id -> new GroupDescription(id, ErrorCode.COORDINATOR_NOT_AVAILABLE, GroupState.DEAD.kafkaName(),
                                "", "", List.of())).toList()));
    }

    private GroupDescription describe(String groupId, boolean hasOffsets) {
        Group group = groups.get(groupId);
        if (group == null) {
            GroupState state = hasOffsets ? GroupState.EMPTY : GroupState.DEAD;
            return new GroupDescription(groupId, ErrorCode.NONE, state.kafkaName(), "", "", List.of());
        }
        // Kafka shows each member's metadata and assignment only once the group is Stable
        boolean stable = group.state == GroupState.STABLE;
        String protocol = group.protocolName.orElse("");
        List<MemberDescription> members = group.members.values().stream()
                .map(m -> new MemberDescription(m.memberId, m.groupInstanceId.orElse(null), m.clientId, m.clientHost,
                        stable ? m.metadata(protocol) : new byte[0], stable ? m.assignment : new byte[0]))
                .toList();
        return new GroupDescription(groupId, ErrorCode.NONE, group.state.kafkaName(), group.protocolType.orElse(""),
                stable ? protocol : "", members);
    }

    /** Deletes groups without members, with their committed offsets. */
    public Future<DeleteGroupsResult> deleteGroups(DeleteGroupsRequest request) {
        return offsets.groupsWithOffsets().compose(withOffsets -> {
            List<Future<GroupError>> outcomes = new ArrayList<>();
            for (String id : request.groupIds()) {
                Group group = groups.get(id);
                if (group != null && !group.hasNoMembers()) {
                    outcomes.add(Future.succeededFuture(new GroupError(id, ErrorCode.NON_EMPTY_GROUP)));
                } else if (group == null && !withOffsets.contains(id)) {
                    outcomes.add(Future.succeededFuture(new GroupError(id, ErrorCode.GROUP_ID_NOT_FOUND)));
                } else {
                    outcomes.add(offsets.deleteGroup(id)
                            .map(rows -> {
                                groups.remove(id);
                                return new GroupError(id, ErrorCode.NONE);
                            })
                            .otherwise(failure -> new GroupError(id, ErrorCode.COORDINATOR_NOT_AVAILABLE)));
                }
            }
            return Future.join(outcomes).map(done -> new DeleteGroupsResult(outcomes.stream().map(Future::result).toList()));
        }).otherwise(failure -> new DeleteGroupsResult(request.groupIds().stream()
                .map(id -> new GroupError(id, ErrorCode.COORDINATOR_NOT_AVAILABLE)).toList()));
    }

    /** Deletes a group's offsets for partitions of topics no member subscribes to. */
    public Future<OffsetDeleteResult> deleteOffsets(OffsetDeleteRequest request) {
        Group group = groups.get(request.groupId());
        Future<Boolean> known = group != null ? Future.succeededFuture(true)
                : offsets.groupsWithOffsets().map(ids -> ids.contains(request.groupId()));
        return known.compose(exists -> {
            if (!exists) {
                return Future.succeededFuture(new OffsetDeleteResult(ErrorCode.GROUP_ID_NOT_FOUND, List.of()));
            }
            if (group != null && !group.members.isEmpty() && !group.protocolType.filter("consumer"::equals).isPresent()) {
                return Future.succeededFuture(new OffsetDeleteResult(ErrorCode.NON_EMPTY_GROUP, List.of()));
            }
            Set<String> subscribed = group == null ? Set.of() : group.subscribedTopics();
            List<TopicPartitionRef> deletable = request.partitions().stream()
                    .filter(p -> !subscribed.contains(p.topic())).toList();
            Future<Void> deleted = deletable.isEmpty() ? Future.succeededFuture() : offsets.delete(request.groupId(), deletable);
            return deleted.map(ok -> new OffsetDeleteResult(ErrorCode.NONE, request.partitions().stream()
                    .map(p -> new PartitionError(p.topic(), p.partition(),
                            subscribed.contains(p.topic()) ? ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC : ErrorCode.NONE))
                    .toList()));
        }).otherwise(failure -> new OffsetDeleteResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, List.of()));
    }

    /** The state of a group, for tests and health data; DEAD when unknown. */
    public GroupState state(String groupId) {
        return Optional.ofNullable(groups.get(groupId)).map(g -> g.state).orElse(GroupState.DEAD);
    }

    /** Members of each group that has any, for metrics. Call on the coordinator's context. */
    public Map<String, Integer> memberCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        groups.forEach((id, g) -> {
            if (!g.members.isEmpty()) {
                counts.put(id, g.members.size());
            }
        });
        return counts;
    }

    /** The current generation of a group; -1 when unknown. */
    public int generation(String groupId) {
        return Optional.ofNullable(groups.get(groupId)).map(g -> g.generationId).orElse(-1);
    }

    // ---- membership bookkeeping ------------------------------------------------------------------------

    /** UNKNOWN_MEMBER_ID for a stranger; FENCED_INSTANCE_ID for an old process of a static member that was replaced. */
    private static Optional<ErrorCode> validateMember(Group group, String memberId, Optional<String> instanceId) {
        if (instanceId.isPresent()) {
            String current = group.staticMembers.get(instanceId.get());
            if (current != null && !current.equals(memberId)) {
                return Optional.of(ErrorCode.FENCED_INSTANCE_ID);
            }
        }
        return group.members.containsKey(memberId) ? Optional.empty() : Optional.of(ErrorCode.UNKNOWN_MEMBER_ID);
    }

    private void scheduleSessionExpiry(Group group, Member member) {
        member.cancelSessionExpiry();
        member.sessionExpiry = Optional.of(scheduler.schedule(Duration.ofMillis(member.sessionTimeoutMs),
                () -> sessionExpired(group.groupId, member)));
    }

    private void sessionExpired(String groupId, Member member) {
        Group group = groups.get(groupId);
        if (group == null || group.members.get(member.memberId) != member) {
            return;
        }
        if (member.isAwaitingAnswer()) {
            scheduleSessionExpiry(group, member);
            return;
        }
        removeMember(group, member, ErrorCode.UNKNOWN_MEMBER_ID);
        membershipShrank(group);
    }

    private void expirePendingMember(String groupId, String memberId) {
        Group group = groups.get(groupId);
        if (group != null && group.pendingMembers.remove(memberId) != null) {
            tryCompleteJoin(group);
        }
    }

    private static void removeMember(Group group, Member member, ErrorCode answer) {
        group.members.remove(member.memberId);
        member.groupInstanceId.ifPresent(id -> group.staticMembers.remove(id, member.memberId));
        member.cancelSessionExpiry();
        member.awaitingJoin.ifPresent(p -> p.tryComplete(JoinGroupResult.failed(answer, member.memberId)));
        member.awaitingJoin = Optional.empty();
        member.awaitingSync.ifPresent(p -> p.tryComplete(SyncGroupResult.failed(answer)));
        member.awaitingSync = Optional.empty();
    }

    /** After members left: the others must rebalance (or, mid-rebalance, may now all have joined). */
    private void membershipShrank(Group group) {
        if (group.state == GroupState.STABLE || group.state == GroupState.COMPLETING_REBALANCE) {
            prepareRebalance(group);
        }
        tryCompleteJoin(group);
    }

    private static Future<JoinGroupResult> failedJoin(ErrorCode error, String memberId) {
        return Future.succeededFuture(JoinGroupResult.failed(error, memberId));
    }
}
