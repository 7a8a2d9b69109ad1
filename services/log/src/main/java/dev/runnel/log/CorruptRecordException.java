package dev.runnel.log;

/** A batch is damaged: partial, bad CRC or impossible lengths (Kafka: CORRUPT_MESSAGE). */
public class CorruptRecordException extends LogException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }

    public CorruptRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
