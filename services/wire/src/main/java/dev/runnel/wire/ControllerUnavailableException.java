package dev.runnel.wire;

import dev.runnel.bus.ErrorCode;

/**
 * A {@link KafkaBackend} call that needs the controller got no answer from it. {@link #error()} is the Kafka
 * error the client should see as the request's top-level error: NOT_CONTROLLER when no controller could be
 * reached (Kafka's AdminClient refreshes its metadata and retries), REQUEST_TIMED_OUT when it did not answer
 * in time (the change may or may not have been made), UNKNOWN_SERVER_ERROR when it failed.
 */
public final class ControllerUnavailableException extends RuntimeException {
    private final ErrorCode error;

    public ControllerUnavailableException(ErrorCode error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
