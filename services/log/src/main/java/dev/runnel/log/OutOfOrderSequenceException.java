package dev.runnel.log;

/** An idempotent producer's sequence number does not follow the last one written (Kafka: OUT_OF_ORDER_SEQUENCE_NUMBER). */
public class OutOfOrderSequenceException extends LogException {
    private static final long serialVersionUID = 1L;

    public OutOfOrderSequenceException(String message) {
        super(message);
    }

    public OutOfOrderSequenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
