package dev.runnel.log;

/** A read asked for an offset below the log start or above the log end (Kafka: OFFSET_OUT_OF_RANGE). */
public class OffsetOutOfRangeException extends LogException {
    private static final long serialVersionUID = 1L;

    public OffsetOutOfRangeException(String message) {
        super(message);
    }

    public OffsetOutOfRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
