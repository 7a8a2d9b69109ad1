package dev.runnel.store.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.runnel.store.core.ReplicationHealth.IsrChange.EXPAND;
import static dev.runnel.store.core.ReplicationHealth.IsrChange.NONE;
import static dev.runnel.store.core.ReplicationHealth.IsrChange.SHRINK;
import static org.assertj.core.api.Assertions.assertThat;

class ReplicationHealthTest {
    private static final Leadership LED_BY_1_FULL = new Leadership(1, 0, List.of(1, 2), List.of(1, 2));
    private static final Leadership LED_BY_1_SHRUNK = new Leadership(1, 1, List.of(1, 2, 3), List.of(1));
    private static final Leadership LED_BY_2_SHRUNK = new Leadership(2, 0, List.of(2, 1), List.of(2));
    private static final Leadership OFFLINE = new Leadership(-1, 3, List.of(1, 2), List.of());

    @Test
    void countsOnlyPartitionsLedByThisStore() {
        List<Leadership> held = List.of(LED_BY_1_FULL, LED_BY_1_SHRUNK, LED_BY_2_SHRUNK, OFFLINE);
        assertThat(ReplicationHealth.led(held, 1)).isEqualTo(2);
        assertThat(ReplicationHealth.led(held, 2)).isEqualTo(1);
        assertThat(ReplicationHealth.underReplicated(held, 1)).isEqualTo(1);
        assertThat(ReplicationHealth.underReplicated(held, 2)).isEqualTo(1);
        assertThat(ReplicationHealth.underReplicated(held, 3)).isZero();
    }

    @Test
    void anIsrInADifferentOrderIsStillComplete() {
        assertThat(ReplicationHealth.isUnderReplicated(new Leadership(1, 0, List.of(1, 2), List.of(2, 1)))).isFalse();
        assertThat(ReplicationHealth.isUnderReplicated(LED_BY_1_SHRUNK)).isTrue();
    }

    @Test
    void classifiesIsrChanges() {
        assertThat(ReplicationHealth.classify(List.of(1, 2), List.of(1))).isEqualTo(SHRINK);
        assertThat(ReplicationHealth.classify(List.of(1), List.of(1, 2))).isEqualTo(EXPAND);
        assertThat(ReplicationHealth.classify(List.of(1, 2), List.of(2, 1))).isEqualTo(NONE);
        // a swap loses a member: Kafka counts that as a shrink too
        assertThat(ReplicationHealth.classify(List.of(1, 2), List.of(1, 3))).isEqualTo(SHRINK);
    }
}
