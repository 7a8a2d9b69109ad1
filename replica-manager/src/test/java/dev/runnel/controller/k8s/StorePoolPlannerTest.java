package dev.runnel.controller.k8s;

import dev.runnel.controller.core.StorePoolStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class StorePoolPlannerTest {

    @Test
    void withoutTheAnnotationThePoolFollowsSpecReplicas() {
        StorePoolPlanner.Decision d = StorePoolPlanner.decide(5, Optional.empty(), status(Set.of(1, 2, 3, 4, 5), Set.of(), 0, true));

        assertThat(d.pool()).containsExactly(1, 2, 3, 4, 5);
        assertThat(d.newReplicas()).isEmpty();
        assertThat(d.removeAnnotation()).isFalse();
        assertThat(d.status()).isEqualTo("Balanced over 5 stores");
    }

    @Test
    void aScaleDownWaitsUntilTheDoomedStoresHoldNothing() {
        StorePoolPlanner.Decision draining = StorePoolPlanner.decide(5, Optional.of("3"), status(Set.of(1, 2, 3), Set.of(4, 5), 2, false));
        StorePoolPlanner.Decision drained = StorePoolPlanner.decide(5, Optional.of("3"), status(Set.of(1, 2, 3), Set.of(), 0, true));

        assertThat(draining.pool()).containsExactly(1, 2, 3);
        assertThat(draining.newReplicas()).isEmpty();
        assertThat(draining.status()).contains("Draining stores [4, 5]").contains("2 partition(s) moving");
        assertThat(drained.newReplicas()).contains(3);
        assertThat(drained.removeAnnotation()).isTrue();
    }

    @Test
    void aStillMovingPartitionBlocksTheScaleDownEvenWhenTheStoresAreEmpty() {
        StorePoolPlanner.Decision d = StorePoolPlanner.decide(4, Optional.of("3"), status(Set.of(1, 2, 3), Set.of(), 1, false));

        assertThat(d.newReplicas()).isEmpty();
    }

    @Test
    void anAnnotationAboveSpecReplicasScalesUp() {
        StorePoolPlanner.Decision d = StorePoolPlanner.decide(3, Optional.of("4"), status(Set.of(1, 2, 3, 4), Set.of(), 0, false));

        assertThat(d.newReplicas()).contains(4);
        assertThat(d.removeAnnotation()).isTrue();
    }

    @Test
    void anInvalidAnnotationIsReportedAndIgnored() {
        StorePoolPlanner.Decision d = StorePoolPlanner.decide(3, Optional.of("three"), status(Set.of(1, 2, 3), Set.of(), 0, true));

        assertThat(d.pool()).containsExactly(1, 2, 3);
        assertThat(d.newReplicas()).isEmpty();
        assertThat(d.removeAnnotation()).isFalse();
        assertThat(d.status()).contains("Invalid runnel.dev/stores 'three'");
    }

    @Test
    void anAnnotationAlreadyMetIsRemoved() {
        StorePoolPlanner.Decision d = StorePoolPlanner.decide(3, Optional.of("3"), status(Set.of(1, 2, 3), Set.of(), 0, true));

        assertThat(d.newReplicas()).isEmpty();
        assertThat(d.removeAnnotation()).isTrue();
    }

    private static StorePoolStatus status(Set<Integer> pool, Set<Integer> holdingOutside, int moving, boolean balanced) {
        return new StorePoolStatus(new TreeSet<>(pool), new TreeSet<>(), new TreeSet<>(holdingOutside), moving, balanced);
    }
}
