package dev.runnel.log;

/** The disk failed us: an I/O error, or the log was used after close (Kafka: KAFKA_STORAGE_ERROR). */
public class LogStorageException extends LogException {
    private static final long serialVersionUID = 1L;

    public LogStorageException(String message) {
        super(message);
    }

    public LogStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
