package dev.runnel.log;

/**
 * Base of every failure the partition log reports. Unchecked; each message names the partition directory
 * (or file) and the values involved, so a log line alone says what broke and where.
 */
public class LogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
