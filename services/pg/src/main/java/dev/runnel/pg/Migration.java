package dev.runnel.pg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One schema change of a component: a version (applied in increasing order, once), a description for
 * the {@code schema_migrations} table and logs, and the SQL script (one or more statements, run in one
 * transaction with the simple-query protocol).
 */
public record Migration(int version, String description, String sql) {

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("Migration version must be at least 1, not " + version);
        }
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("Migration " + version + " (" + description + ") has no SQL");
        }
    }

    /**
     * A migration whose SQL is the class-path resource {@code resource} (e.g. {@code db/offsets/V1__offsets.sql}),
     * loaded with this class's loader.
     *
     * @throws UncheckedIOException naming the resource when it is missing or unreadable
     */
    public static Migration fromResource(int version, String description, String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Migration.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("Migration resource not found on the class path: " + resource));
            }
            return new Migration(version, description, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read migration resource " + resource, e);
        }
    }

    /** SHA-256 of the SQL: recorded when applied, so an edited migration is detected instead of silently skipped. */
    public String checksum() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
