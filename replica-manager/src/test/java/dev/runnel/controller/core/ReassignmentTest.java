package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.PartitionInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KIP-455 moves decided by {@link Reassignment}: start, replace, cancel, complete, and what is refused. */
class ReassignmentTest {
    private static final Set<Integer> ALL_LIVE = Set.of(1, 2, 3, 4);
    /** On stores 1 and 2, led by 1, both in sync; leader epoch 4, partition epoch 9. */
    private static final PartitionInfo ON_1_2 = new PartitionInfo(0, 1, 4, List.of(1, 2), List.of(1, 2), 9);

    @Test
    void aMoveListsTheTargetThenTheLeavingReplicasAndKeepsLeaderAndIsr() {
        PartitionInfo moving = Reassignment.start("t", ON_1_2, List.of(3, 2), ALL_LIVE);

        assertThat(moving).isEqualTo(new PartitionInfo(0, 1, 4, List.of(3, 2, 1), List.of(1, 2), 10, List.of(3), List.of(1)));
        assertThat(moving.isReassigning()).isTrue();
        assertThat(moving.targetReplicas()).containsExactly(3, 2);
        assertThat(moving.originalReplicas()).containsExactly(2, 1);
    }

    @Test
    void onlyReorderingReplicasChangesThePreferredLeaderAtOnceWithoutAMove() {
        PartitionInfo reordered = Reassignment.start("t", ON_1_2, List.of(2, 1), ALL_LIVE);

        assertThat(reordered).isEqualTo(new PartitionInfo(0, 1, 4, List.of(2, 1), List.of(2, 1), 10));
        assertThat(reordered.isReassigning()).isFalse();
    }

    @Test
    void aNewTargetReplacesTheMoveInProgressFromTheOriginalReplicas() {
        PartitionInfo moving = Reassignment.start("t", ON_1_2, List.of(3, 2), ALL_LIVE);

        PartitionInfo replaced = Reassignment.start("t", moving, List.of(1, 4), ALL_LIVE);
        assertThat(replaced.replicas()).containsExactly(1, 4, 2);
        assertThat(replaced.addingReplicas()).containsExactly(4);
        assertThat(replaced.removingReplicas()).containsExactly(2);

        PartitionInfo backToOriginal = Reassignment.start("t", moving, List.of(1, 2), ALL_LIVE);
        assertThat(backToOriginal.isReassigning()).isFalse();
        assertThat(backToOriginal.replicas()).containsExactly(1, 2);
    }

    @Test
    void badTargetsAreInvalidReplicaAssignments() {
        assertRefused(() -> Reassignment.start("t", ON_1_2, List.of(), ALL_LIVE), ErrorCode.INVALID_REPLICA_ASSIGNMENT, "t-0");
        assertRefused(() -> Reassignment.start("t", ON_1_2, List.of(3, 3), ALL_LIVE), ErrorCode.INVALID_REPLICA_ASSIGNMENT, "[3, 3]");
        assertRefused(() -> Reassignment.start("t", ON_1_2, List.of(-1, 2), ALL_LIVE), ErrorCode.INVALID_REPLICA_ASSIGNMENT, "-1");
        assertRefused(() -> Reassignment.start("t", ON_1_2, List.of(42, 2), ALL_LIVE), ErrorCode.INVALID_REPLICA_ASSIGNMENT, "[42]");
    }

    @Test
    void aCurrentReplicaMayStayWhileItsStoreIsDownButADeadStoreCannotBeAdded() {
        Set<Integer> twoIsDown = Set.of(1, 3);
        assertThat(Reassignment.start("t", ON_1_2, List.of(2, 3), twoIsDown).addingReplicas()).containsExactly(3);
        assertRefused(() -> Reassignment.start("t", ON_1_2, List.of(1, 4), Set.of(1, 2)), ErrorCode.INVALID_REPLICA_ASSIGNMENT,
                "[4] are not alive");
    }

    @Test
    void cancellingGoesBackToTheOriginalReplicas() {
        PartitionInfo moving = Reassignment.start("t", ON_1_2, List.of(3, 2), ALL_LIVE);

        // in the order the move listed them, as Kafka's revert does; the leader stays
        PartitionInfo cancelled = Reassignment.cancel("t", moving, ALL_LIVE);
        assertThat(cancelled).isEqualTo(new PartitionInfo(0, 1, 4, List.of(2, 1), List.of(2, 1), 11));
    }

    @Test
    void cancellingMovesLeadershipBackWhenAnAddedReplicaLeads() {
        // 3 caught up, then 1 died and 3 was elected
        PartitionInfo ledBy3 = new PartitionInfo(0, 3, 5, List.of(3, 2, 1), List.of(2, 3), 12, List.of(3), List.of(1));

        PartitionInfo cancelled = Reassignment.cancel("t", ledBy3, Set.of(2, 3));
        assertThat(cancelled).isEqualTo(new PartitionInfo(0, 2, 6, List.of(2, 1), List.of(2), 13));
    }

    @Test
    void cancellingIsRefusedWithoutAMoveOrWithoutAnOriginalReplicaToLead() {
        assertRefused(() -> Reassignment.cancel("t", ON_1_2, ALL_LIVE), ErrorCode.NO_REASSIGNMENT_IN_PROGRESS, "t-0");

        PartitionInfo ledBy3 = new PartitionInfo(0, 3, 5, List.of(3, 2, 1), List.of(3), 12, List.of(3), List.of(1));
        assertRefused(() -> Reassignment.cancel("t", ledBy3, Set.of(3, 4)), ErrorCode.INVALID_REPLICA_ASSIGNMENT, "[2, 1]");
    }

    @Test
    void aMoveWaitsUntilEveryTargetReplicaIsInSync() {
        PartitionInfo moving = Reassignment.start("t", ON_1_2, List.of(3, 2), ALL_LIVE);

        assertThat(Reassignment.complete(moving, ALL_LIVE)).isEmpty();
        assertThat(Reassignment.complete(ON_1_2, ALL_LIVE)).as("nothing moving").isEmpty();
    }

    @Test
    void completingDropsTheLeavingReplicasAndHandsLeadershipToAnInSyncTargetReplica() {
        PartitionInfo caughtUp = Reassignment.start("t", ON_1_2, List.of(3, 2), ALL_LIVE).withIsr(List.of(1, 2, 3));

        PartitionInfo done = Reassignment.complete(caughtUp, ALL_LIVE).orElseThrow();
        assertThat(done).isEqualTo(new PartitionInfo(0, 3, 5, List.of(3, 2), List.of(3, 2), 12));
        assertThat(done.isReassigning()).isFalse();
    }

    @Test
    void completingKeepsALeaderThatStays() {
        PartitionInfo caughtUp = Reassignment.start("t", ON_1_2, List.of(1, 3), ALL_LIVE).withIsr(List.of(1, 2, 3));

        assertThat(Reassignment.complete(caughtUp, ALL_LIVE)).contains(
                new PartitionInfo(0, 1, 4, List.of(1, 3), List.of(1, 3), 12));
    }

    @Test
    void completingWaitsWhileNoTargetReplicaCanLead() {
        PartitionInfo caughtUp = Reassignment.start("t", ON_1_2, List.of(3, 4), ALL_LIVE).withIsr(List.of(1, 2, 3, 4));

        assertThat(Reassignment.complete(caughtUp, Set.of(1, 2))).isEmpty();
        assertThat(Reassignment.complete(caughtUp, Set.of(1, 4)).map(PartitionInfo::leader)).contains(4);
    }

    private static void assertRefused(Runnable decision, ErrorCode error, String messagePart) {
        assertThatThrownBy(decision::run).isInstanceOfSatisfying(TopicRejectedException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
