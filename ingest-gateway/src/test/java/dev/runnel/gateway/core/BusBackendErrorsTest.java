package dev.runnel.gateway.core;

import dev.runnel.bus.ErrorCode;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The errors Kafka clients can act on: Fetch has no LEADER_NOT_AVAILABLE; an absent controller is NOT_CONTROLLER. */
class BusBackendErrorsTest {

    @Test
    void aPartitionWithoutLeaderIsNotLeaderOrFollowerToAFetch() {
        assertThat(BusBackend.fetchError(ErrorCode.LEADER_NOT_AVAILABLE)).isEqualTo(ErrorCode.NOT_LEADER_OR_FOLLOWER);
        assertThat(BusBackend.fetchError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION)).isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void aControllerRequestWithoutAnswerIsNotControllerOrATimeout() {
        assertThat(BusBackend.controllerUnavailable(new ReplyException(ReplyFailure.NO_HANDLERS, "none")).error())
                .as("no active replica-manager: AdminClient retries").isEqualTo(ErrorCode.NOT_CONTROLLER);
        assertThat(BusBackend.controllerUnavailable(new ReplyException(ReplyFailure.TIMEOUT, "slow")).error())
                .isEqualTo(ErrorCode.REQUEST_TIMED_OUT);
        assertThat(BusBackend.controllerUnavailable(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, "boom")).error())
                .isEqualTo(ErrorCode.UNKNOWN_SERVER_ERROR);
        assertThat(BusBackend.controllerUnavailable(new IllegalStateException("x")).error())
                .isEqualTo(ErrorCode.UNKNOWN_SERVER_ERROR);
    }
}
