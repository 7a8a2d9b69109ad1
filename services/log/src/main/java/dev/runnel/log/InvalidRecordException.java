package dev.runnel.log;

/** A batch is well-formed but not acceptable: wrong magic, negative lastOffsetDelta, offsets going backwards (Kafka: INVALID_RECORD). */
public class InvalidRecordException extends LogException {
    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
