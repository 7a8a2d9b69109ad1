package dev.runnel.offsets.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.DeleteGroupsRequest;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.GroupDescription;
import dev.runnel.bus.group.GroupProtocol;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.LeaveGroupRequest;
import dev.runnel.bus.group.LeavingMember;
import dev.runnel.bus.group.ListGroupsRequest;
import dev.runnel.bus.group.MemberAssignment;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetDeleteRequest;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.PartitionError;
import dev.runnel.bus.group.SyncGroupRequest;
import dev.runnel.bus.group.SyncGroupResult;
import dev.runnel.bus.group.TopicPartitionRef;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The classic group protocol, driven by a manual clock: no sleeping, every timeout exact. */
class GroupCoordinatorTest {
    private static final String GROUP = "g";
    private static final int SESSION_MS = 10_000;
    private static final int REBALANCE_MS = 30_000;

    private final ManualTime time = new ManualTime();
    private final InMemoryOffsetStore store = new InMemoryOffsetStore();
    private final GroupCoordinator coordinator = new GroupCoordinator(store, time, time, CoordinatorSettings.defaults());

    private static JoinGroupRequest join(String memberId, String instanceId, String... protocols) {
        List<GroupProtocol> list = (protocols.length == 0 ? List.of("range") : List.of(protocols)).stream()
                .map(p -> new GroupProtocol(p, ("sub-" + p).getBytes(StandardCharsets.UTF_8))).toList();
        return new JoinGroupRequest(GROUP, memberId, instanceId, "consumer", list, SESSION_MS, REBALANCE_MS,
                "client", "/127.0.0.1", false, List.of("orders"));
    }

    private static <T> T now(Future<T> future) {
        assertThat(future.isComplete()).as("answered at once").isTrue();
        return future.result();
    }

    /** Joins members a and b into generation 1 and syncs them: returns their join answers. */
    private List<JoinGroupResult> stableGroupOfTwo() {
        Future<JoinGroupResult> a = coordinator.join(join("", null));
        Future<JoinGroupResult> b = coordinator.join(join("", null));
        assertThat(a.isComplete()).as("waits for the initial rebalance delay").isFalse();
        time.advance(Duration.ofMillis(3000));
        assertThat(a.isComplete()).as("a new member during the delay extends it").isFalse();
        time.advance(Duration.ofMillis(3000));
        JoinGroupResult ja = now(a);
        JoinGroupResult jb = now(b);
        JoinGroupResult leader = ja.leader().equals(ja.memberId()) ? ja : jb;
        JoinGroupResult follower = leader == ja ? jb : ja;
        Future<SyncGroupResult> followerSync = coordinator.sync(sync(follower, List.of()));
        assertThat(followerSync.isComplete()).as("follower waits for the leader's assignment").isFalse();
        SyncGroupResult leaderSync = now(coordinator.sync(sync(leader, List.of(
                new MemberAssignment(leader.memberId(), bytes("p0,p1")),
                new MemberAssignment(follower.memberId(), bytes("p2,p3"))))));
        assertThat(new String(leaderSync.assignment(), StandardCharsets.UTF_8)).isEqualTo("p0,p1");
        assertThat(new String(now(followerSync).assignment(), StandardCharsets.UTF_8)).isEqualTo("p2,p3");
        assertThat(coordinator.state(GROUP)).isEqualTo(GroupState.STABLE);
        return List.of(leader, follower);
    }

    private static SyncGroupRequest sync(JoinGroupResult joined, List<MemberAssignment> assignments) {
        return new SyncGroupRequest(GROUP, joined.generationId(), joined.memberId(), null, "consumer", joined.protocolName(), assignments);
    }

    private static HeartbeatRequest heartbeat(JoinGroupResult joined) {
        return new HeartbeatRequest(GROUP, joined.generationId(), joined.memberId(), null);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void membersJoiningTogetherShareOneGenerationAndTheLeaderRelaysItsAssignment() {
        List<JoinGroupResult> joined = stableGroupOfTwo();
        JoinGroupResult leader = joined.get(0);
        JoinGroupResult follower = joined.get(1);
        assertThat(leader.error()).isEqualTo(ErrorCode.NONE);
        assertThat(leader.generationId()).isEqualTo(1).isEqualTo(follower.generationId());
        assertThat(leader.protocolName()).isEqualTo("range");
        assertThat(leader.members()).extracting(m -> m.memberId())
                .containsExactlyInAnyOrder(leader.memberId(), follower.memberId());
        assertThat(follower.members()).isEmpty();
        assertThat(leader.memberId()).isNotEqualTo(follower.memberId()).startsWith("client-");
        assertThat(coordinator.heartbeat(heartbeat(follower)).error()).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void theProtocolEveryMemberSupportsAndMostPreferIsChosen() {
        Future<JoinGroupResult> a = coordinator.join(join("", null, "cooperative-sticky", "range"));
        Future<JoinGroupResult> b = coordinator.join(join("", null, "roundrobin", "range"));
        time.advance(Duration.ofMillis(6000));
        assertThat(now(a).protocolName()).isEqualTo("range");
        assertThat(now(b).protocolName()).isEqualTo("range");
        assertThat(now(coordinator.join(join("", null, "sticky"))).error()).isEqualTo(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    }

    @Test
    void aNewMemberIsHandedItsIdFirstWhenTheClientRequiresAKnownMemberId() {
        JoinGroupRequest first = new JoinGroupRequest(GROUP, "", null, "consumer",
                List.of(new GroupProtocol("range", bytes("x"))), SESSION_MS, REBALANCE_MS, "c", "h", true, List.of());
        JoinGroupResult required = now(coordinator.join(first));
        assertThat(required.error()).isEqualTo(ErrorCode.MEMBER_ID_REQUIRED);
        assertThat(required.memberId()).startsWith("c-");
        Future<JoinGroupResult> rejoined = coordinator.join(new JoinGroupRequest(GROUP, required.memberId(), null, "consumer",
                first.protocols(), SESSION_MS, REBALANCE_MS, "c", "h", true, List.of()));
        time.advance(Duration.ofMillis(3000));
        assertThat(now(rejoined).error()).isEqualTo(ErrorCode.NONE);
        assertThat(now(rejoined).memberId()).isEqualTo(required.memberId());
        assertThat(now(rejoined).leader()).isEqualTo(required.memberId());
    }

    @Test
    void aMemberSilentForItsSessionTimeoutIsRemovedAndTheOthersRebalance() {
        List<JoinGroupResult> joined = stableGroupOfTwo();
        JoinGroupResult leader = joined.get(0);
        JoinGroupResult follower = joined.get(1);
        // only the follower keeps heartbeating
        for (int i = 0; i < 2; i++) {
            time.advance(Duration.ofMillis(SESSION_MS / 2 - 1));
            assertThat(coordinator.heartbeat(heartbeat(follower)).error()).isEqualTo(ErrorCode.NONE);
        }
        assertThat(coordinator.state(GROUP)).isEqualTo(GroupState.STABLE);
        time.advance(Duration.ofMillis(2));
        assertThat(coordinator.state(GROUP)).isEqualTo(GroupState.PREPARING_REBALANCE);
        assertThat(coordinator.heartbeat(heartbeat(leader)).error()).isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
        assertThat(coordinator.heartbeat(heartbeat(follower)).error()).isEqualTo(ErrorCode.REBALANCE_IN_PROGRESS);
        JoinGroupResult rejoined = now(coordinator.join(join(follower.memberId(), null)));
        assertThat(rejoined.generationId()).isEqualTo(2);
        assertThat(rejoined.leader()).isEqualTo(follower.memberId());
        assertThat(rejoined.members()).hasSize(1);
    }

    @Test
    void aMemberThatDoesNotRejoinWithinTheRebalanceTimeoutIsDropped() {
        List<JoinGroupResult> joined = stableGroupOfTwo();
        Future<JoinGroupResult> leaderRejoin = coordinator.join(join(joined.get(0).memberId(), null, "range", "roundrobin"));
        assertThat(leaderRejoin.isComplete()).as("waits for the follower").isFalse();
        // the follower keeps its session alive but never rejoins
        for (int elapsed = 0; elapsed < REBALANCE_MS; elapsed += 5000) {
            assertThat(coordinator.heartbeat(heartbeat(joined.get(1))).error()).isEqualTo(ErrorCode.REBALANCE_IN_PROGRESS);
            time.advance(Duration.ofMillis(5000));
        }
        JoinGroupResult result = now(leaderRejoin);
        assertThat(result.generationId()).isEqualTo(2);
        assertThat(result.members()).extracting(m -> m.memberId()).containsExactly(joined.get(0).memberId());
        assertThat(coordinator.heartbeat(heartbeat(joined.get(1))).error()).isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
    }

    @Test
    void staleGenerationsAndStrangersGetTheErrorsClientsRecoverFrom() {
        List<JoinGroupResult> joined = stableGroupOfTwo();
        JoinGroupResult follower = joined.get(1);
        HeartbeatRequest stale = new HeartbeatRequest(GROUP, follower.generationId() - 1, follower.memberId(), null);
        assertThat(coordinator.heartbeat(stale).error()).isEqualTo(ErrorCode.ILLEGAL_GENERATION);
        assertThat(coordinator.heartbeat(new HeartbeatRequest(GROUP, 1, "nobody", null)).error()).isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
        assertThat(coordinator.heartbeat(new HeartbeatRequest("other", 1, "nobody", null)).error()).isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
        assertThat(now(coordinator.join(new JoinGroupRequest("other", "ghost", null, "consumer",
                List.of(new GroupProtocol("range", bytes("x"))), SESSION_MS, REBALANCE_MS, "c", "h", false, List.of()))).error())
                .isEqualTo(ErrorCode.UNKNOWN_MEMBER_ID);
        assertThat(now(coordinator.sync(new SyncGroupRequest(GROUP, 7, follower.memberId(), null, null, null, List.of()))).error())
                .isEqualTo(ErrorCode.ILLEGAL_GENERATION);
        assertThat(now(coordinator.commitOffsets(new OffsetCommitRequest(GROUP, 7, follower.memberId(), null,
                List.of(new OffsetToCommit("orders", 0, 5, -1, ""))))).partitions())
                .extracting(PartitionError::error).containsExactly(ErrorCode.ILLEGAL_GENERATION);
        assertThat(now(coordinator.join(new JoinGroupRequest(GROUP, "", null, "consumer", List.of(new GroupProtocol("range", bytes("x"))),
                1000, REBALANCE_MS, "c", "h", false, List.of()))).error()).isEqualTo(ErrorCode.INVALID_SESSION_TIMEOUT);
    }

    @Test
    void duringARebalanceSyncAndCommitsAreRefusedWithRebalanceInProgress() {
        List<JoinGroupResult> joined = stableGroupOfTwo();
        JoinGroupResult leader = joined.get(0);
        JoinGroupResult follower = joined.get(1);
        coordinator.join(join(leader.memberId(), null, "range", "roundrobin")); // metadata changed: rebalance
        assertThat(now(coordinator.sync(sync(follower, List.of()))).error()).isEqualTo(ErrorCode.REBALANCE_IN_PROGRESS);
        // the eager protocol commits while revoking: allowed in PreparingRebalance for the current generation
        assertThat(now(coordinator.commitOffsets(new OffsetCommitRequest(GROUP, follower.generationId(), follower.memberId(), null,
                List.of(new OffsetToCommit("orders", 2, 10, -1, ""))))).partitions())
                .extracting(PartitionError::error).containsExactly(ErrorCode.NONE);
        JoinGroupResult rejoined = now(coordinator.join(join(follower.memberId(), null)));
        assertThat(rejoined.generationId()).isEqualTo(2);
        assertThat(coordinator.state(GROUP)).isEqualTo(GroupState.COMPLETING_REBALANCE);
        assertThat(now(coordinator.commitOffsets(new OffsetCommitRequest(GROUP, 2, follower.memberId(), null,
                List.of(new OffsetToCommit("orders", 2, 11, -1, ""))))).partitions())
                .extracting(PartitionError::error).containsExactly(ErrorCode.REBALANCE_IN_PROGRESS);
    }

    @Test
    void aRestartedStaticMemberTakesOverItsAssignmentWithoutARebalanceAndFencesItsOldSelf() {
        Future<JoinGroupResult> a = coordinator.join(join("", "instance-a"));
        Future<JoinGroupResult> b = coordinator.join(join("", "instance-b"));
        time.advance(Duration.ofMillis(6000));
        JoinGroupResult ja = now(a);
        JoinGroupResult jb = now(b);
        JoinGroupResult leader = ja.leader().equals(ja.memberId()) ? ja : jb;
        JoinGroupResult follower = leader == ja ? jb : ja;
        String followerInstance = leader == ja ? "instance-b" : "instance-a";
        coordinator.sync(new SyncGroupRequest(GROUP, 1, follower.memberId(), followerInstance, null, null, List.of()));
        coordinator.sync(new SyncGroupRequest(GROUP, 1, leader.memberId(), leader == ja ? "instance-a" : "instance-b", null, null,
                List.of(new MemberAssignment(follower.memberId(), bytes("p1")), new MemberAssignment(leader.memberId(), bytes("p0")))));
        assertThat(follower.memberId()).startsWith(followerInstance + "-");

        JoinGroupResult restarted = now(coordinator.join(join("", followerInstance)));
        assertThat(restarted.error()).isEqualTo(ErrorCode.NONE);
        assertThat(restarted.generationId()).as("no new generation").isEqualTo(1);
        assertThat(restarted.memberId()).isNotEqualTo(follower.memberId());
        assertThat(coordinator.state(GROUP)).isEqualTo(GroupState.STABLE);
        SyncGroupResult assignment = now(coordinator.sync(new SyncGroupRequest(GROUP, 1, restarted.memberId(), followerInstance,
                null, null, List.of())));
        assertThat(new String(assignment.assignment(), StandardCharsets.UTF_8)).isEqualTo("p1");
        assertThat(coordinator.heartbeat(new HeartbeatRequest(GROUP, 1, follower.memberId(), followerInstance)).error())
                .isEqualTo(ErrorCode.FENCED_INSTANCE_ID);
    }

    @Test
    void leavingMembersTriggerARebalanceAndTheLastOneLeavesTheGroupEmpty() {
        List<JoinGroupResult> joined = stableGroupOfTwo();
        var left = coordinator.leave(new LeaveGroupRequest(GROUP, List.of(new LeavingMember(joined.get(1).memberId(), null))));
        assertThat(left.members()).extracting(m -> m.error()).containsExactly(ErrorCode.NONE);
        assertThat(coordinator.state(GROUP)).isEqualTo(GroupState.PREPARING_REBALANCE);
        assertThat(now(coordinator.join(join(joined.get(0).memberId(), null))).generationId()).isEqualTo(2);
        assertThat(now(coordinator.deleteGroups(new DeleteGroupsRequest(List.of(GROUP)))).groups())
                .extracting(g -> g.error()).containsExactly(ErrorCode.NON_EMPTY_GROUP);
        coordinator.leave(new LeaveGroupRequest(GROUP, List.of(new LeavingMember(joined.get(0).memberId(), null))));
        assertThat(coordinator.state(GROUP)).isEqualTo(GroupState.EMPTY);
        assertThat(coordinator.leave(new LeaveGroupRequest(GROUP, List.of(new LeavingMember("nobody", null)))).members())
                .extracting(m -> m.error()).containsExactly(ErrorCode.UNKNOWN_MEMBER_ID);
    }

    @Test
    void commitsAreAcknowledgedOnlyWhenStoredAndFailRetriablyWhenTheStoreIsDown() {
        List<JoinGroupResult> joined = stableGroupOfTwo();
        JoinGroupResult leader = joined.get(0);
        var committed = now(coordinator.commitOffsets(new OffsetCommitRequest(GROUP, 1, leader.memberId(), null,
                List.of(new OffsetToCommit("orders", 0, 42, 3, "m"), new OffsetToCommit("orders", 1, 7, -1, "x".repeat(5000))))));
        assertThat(committed.partitions()).extracting(PartitionError::error)
                .containsExactly(ErrorCode.NONE, ErrorCode.OFFSET_METADATA_TOO_LARGE);
        var fetched = now(coordinator.fetchOffsets(new OffsetFetchRequest(GROUP,
                List.of(new TopicPartitionRef("orders", 0), new TopicPartitionRef("orders", 1)))));
        assertThat(fetched.offsets()).extracting(o -> o.offset()).containsExactly(42L, -1L);
        assertThat(fetched.offsets().get(0).leaderEpoch()).isEqualTo(3);
        assertThat(fetched.offsets().get(0).metadata()).isEqualTo("m");

        store.down = true;
        assertThat(now(coordinator.commitOffsets(new OffsetCommitRequest(GROUP, 1, leader.memberId(), null,
                List.of(new OffsetToCommit("orders", 0, 43, 3, ""))))).partitions())
                .extracting(PartitionError::error).containsExactly(ErrorCode.COORDINATOR_NOT_AVAILABLE);
        assertThat(now(coordinator.fetchOffsets(new OffsetFetchRequest(GROUP, null))).error())
                .isEqualTo(ErrorCode.COORDINATOR_NOT_AVAILABLE);
        store.down = false;
        assertThat(now(coordinator.fetchOffsets(new OffsetFetchRequest(GROUP, null))).offsets())
                .extracting(o -> o.offset()).containsExactly(42L);
    }

    @Test
    void groupsKnownOnlyByTheirOffsetsAreListedDescribedAndDeletable() {
        // a manually assigned consumer commits with generation -1 and no member id
        assertThat(now(coordinator.commitOffsets(new OffsetCommitRequest("manual", -1, "", null,
                List.of(new OffsetToCommit("orders", 0, 9, -1, ""))))).partitions())
                .extracting(PartitionError::error).containsExactly(ErrorCode.NONE);
        stableGroupOfTwo();
        assertThat(now(coordinator.listGroups(new ListGroupsRequest(List.of(), List.of()))).groups())
                .extracting(l -> l.groupId() + ":" + l.state()).containsExactly("g:Stable", "manual:Empty");
        assertThat(now(coordinator.listGroups(new ListGroupsRequest(List.of("stable"), List.of()))).groups())
                .extracting(l -> l.groupId()).containsExactly("g");
        List<GroupDescription> described = now(coordinator.describeGroups(new DescribeGroupsRequest(List.of("g", "manual", "none")))).groups();
        assertThat(described).extracting(GroupDescription::state).containsExactly("Stable", "Empty", "Dead");
        assertThat(described.get(0).members()).hasSize(2).allSatisfy(m -> assertThat(m.assignment()).isNotEmpty());
        assertThat(now(coordinator.deleteOffsets(new OffsetDeleteRequest("g", List.of(new TopicPartitionRef("orders", 0))))).partitions())
                .extracting(PartitionError::error).containsExactly(ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC);
        assertThat(now(coordinator.deleteGroups(new DeleteGroupsRequest(List.of("manual", "none")))).groups())
                .extracting(g -> g.error()).containsExactly(ErrorCode.NONE, ErrorCode.GROUP_ID_NOT_FOUND);
        assertThat(now(coordinator.fetchOffsets(new OffsetFetchRequest("manual", null))).offsets()).isEmpty();
    }
}
