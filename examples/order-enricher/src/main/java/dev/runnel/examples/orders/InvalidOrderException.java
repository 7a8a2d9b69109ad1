package dev.runnel.examples.orders;

/** An order that cannot be enriched; the application sends it to the dead-letter topic instead. */
public final class InvalidOrderException extends RuntimeException {
    public InvalidOrderException(String message) {
        super(message);
    }

    public InvalidOrderException(String message, Throwable cause) {
        super(message, cause);
    }
}
