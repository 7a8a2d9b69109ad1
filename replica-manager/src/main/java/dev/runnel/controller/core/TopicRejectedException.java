package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;

/**
 * A topic operation refused for a reason the client must see: carries the Kafka error code and a message
 * naming the topic and the offending value. Caught per topic, so one bad topic never fails a batch.
 */
public final class TopicRejectedException extends RuntimeException {
    private final ErrorCode error;

    public TopicRejectedException(ErrorCode error, String message) {
        super(message);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
