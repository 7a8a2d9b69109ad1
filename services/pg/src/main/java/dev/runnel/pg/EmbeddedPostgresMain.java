package dev.runnel.pg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link EmbeddedPg} as its own process for the local launcher: {@code EmbeddedPostgresMain
 * [dataDir [port [urlFile]]]}, or env {@code RUNNEL_PG_DATA}, {@code RUNNEL_PG_PORT}, {@code RUNNEL_PG_URL_FILE}.
 * Defaults: data dir {@code ./data/pg}, port {@value EmbeddedPg#DEFAULT_PORT}, URL file {@code <dataDir>/../pg.url}.
 *
 * <p>Prints the server URL on stdout (one line) and writes it to the URL file atomically (written aside,
 * then renamed), so a launcher that sees the file can connect at once. Then it blocks; SIGTERM (or
 * Ctrl-C) stops PostgreSQL cleanly from a shutdown hook before the JVM exits, leaving no postgres process.
 * The URL file is removed on shutdown so a stale one never points at a stopped server.
 */
public final class EmbeddedPostgresMain {
    private EmbeddedPostgresMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(arg(args, 0, "RUNNEL_PG_DATA").orElse("data/pg")).toAbsolutePath();
        int port = Integer.parseInt(arg(args, 1, "RUNNEL_PG_PORT").orElse(String.valueOf(EmbeddedPg.DEFAULT_PORT)));
        Path urlFile = arg(args, 2, "RUNNEL_PG_URL_FILE").map(Path::of)
                .orElse(dataDir.resolveSibling("pg.url")).toAbsolutePath();

        EmbeddedPg pg = EmbeddedPg.start(dataDir, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(urlFile);
                pg.close();
                System.err.println("Embedded PostgreSQL stopped (" + dataDir + ")");
            } catch (IOException | RuntimeException e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly (" + dataDir + "): " + e);
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "embedded-pg-shutdown"));

        writeAtomically(urlFile, pg.url() + "\n");
        System.out.println(pg.url());
        System.out.flush();
        System.err.println("Embedded PostgreSQL ready on port " + pg.port() + ", data in " + dataDir + ", URL in " + urlFile);
        stopped.await();
    }

    private static Optional<String> arg(String[] args, int index, String env) {
        if (args.length > index && !args[index].isBlank()) {
            return Optional.of(args[index]);
        }
        return Optional.ofNullable(System.getenv(env)).filter(v -> !v.isBlank());
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PostgreSQL URL to " + file, e);
        }
    }
}
