package dev.runnel.pg;

/** Creating a database or migrating its schema failed; the message names the database, component or version. */
public final class DatabaseSetupException extends RuntimeException {
    public DatabaseSetupException(String message) {
        super(message);
    }

    public DatabaseSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
