package dev.runnel.log;

/** A batch is larger than max.message.bytes (Kafka: MESSAGE_TOO_LARGE). */
public class RecordTooLargeException extends LogException {
    private static final long serialVersionUID = 1L;

    public RecordTooLargeException(String message) {
        super(message);
    }

    public RecordTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
