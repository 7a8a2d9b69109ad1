package dev.runnel.gateway.core;

import dev.runnel.bus.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The routing errors a Kafka consumer can act on: Fetch has no LEADER_NOT_AVAILABLE. */
class BusBackendErrorsTest {

    @Test
    void aPartitionWithoutLeaderIsNotLeaderOrFollowerToAFetch() {
        assertThat(BusBackend.fetchError(ErrorCode.LEADER_NOT_AVAILABLE)).isEqualTo(ErrorCode.NOT_LEADER_OR_FOLLOWER);
        assertThat(BusBackend.fetchError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)).isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }
}
