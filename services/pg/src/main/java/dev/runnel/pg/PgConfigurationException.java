package dev.runnel.pg;

/** The PostgreSQL settings are missing or malformed; the message names the setting and the value. */
public final class PgConfigurationException extends RuntimeException {
    public PgConfigurationException(String message) {
        super(message);
    }

    public PgConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
