package dev.runnel.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real PostgreSQL server (zonky's embedded binaries) running as a child process, keeping its data in
 * one directory so a restart finds the same databases.
 *
 * <p>Authentication is {@code trust} for user {@code postgres} on 127.0.0.1, so {@link #url()} carries no
 * password: this is for a developer machine, tests and the local launcher, never for production. As root,
 * zonky runs initdb/postgres inside {@code unshare -U} (initdb refuses root).
 *
 * <p>Crash policy: {@link #close()} stops the server with a fast shutdown (clean checkpoint). If the JVM is
 * killed with SIGKILL the server outlives it; PostgreSQL recovers from its WAL on the next start once the
 * stale server is gone.
 *
 * <p>Thread-safety: start and close from one thread; {@link #url()} is safe from any.
 */
public final class EmbeddedPg implements AutoCloseable {
    /** The launcher's default port, away from a system PostgreSQL on 5432. */
    public static final int DEFAULT_PORT = 15432;

    /** How long {@link #close()} waits for the postmaster to exit after pg_ctl has asked it to. */
    private static final Duration EXIT_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Optional<ProcessHandle> postmaster;

    private EmbeddedPg(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.postmaster = postmaster(dataDirectory);
    }

    /** Starts PostgreSQL on a free port, keeping data in {@code dataDirectory} (created, or reused if it holds a cluster). */
    public static EmbeddedPg start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts PostgreSQL on {@code port} (0 picks a free one), keeping data in {@code dataDirectory}.
     *
     * @throws UncheckedIOException naming the directory and port when initdb or postgres fails
     */
    public static EmbeddedPg start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // the owner of this object stops the server; zonky's own hook would race ours
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPg(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDirectory
                    + (port > 0 ? " on port " + port : ""), e);
        }
    }

    /** The server URL in the form vertx-pg-client accepts: {@code postgresql://postgres@127.0.0.1:PORT/postgres}. */
    public String url() {
        return "postgresql://postgres@127.0.0.1:" + port() + "/postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Stops the server (fast shutdown) and waits until the postmaster process has exited, so no postgres
     * process outlives this call.
     */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop embedded PostgreSQL in " + dataDirectory, e);
        }
        // pg_ctl daemonizes the postmaster (it is not our child) and may return before it is gone
        postmaster.ifPresent(process -> {
            try {
                process.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("PostgreSQL postmaster pid " + process.pid() + " in " + dataDirectory
                        + " still runs " + EXIT_WAIT.toSeconds() + " s after shutdown", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                throw new IllegalStateException("Cannot watch PostgreSQL postmaster pid " + process.pid(), e);
            }
        });
    }

    /** The running postmaster, from the first line of its pid file. */
    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
