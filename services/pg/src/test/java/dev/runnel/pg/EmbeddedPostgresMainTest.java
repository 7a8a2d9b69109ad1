package dev.runnel.pg;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.runnel.pg.PgTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs the launcher's PostgreSQL process for real: start, use, SIGTERM, restart on the same data. */
class EmbeddedPostgresMainTest {
    @TempDir
    static Path dir;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
    }

    @Test
    void stopsCleanlyOnSigtermAndKeepsItsDataAcrossRestarts() throws Exception {
        Path data = dir.resolve("data/pg");
        Path urlFile = dir.resolve("data/pg.url");
        int port = freePort();

        Process first = launch(data, port);
        try {
            String url = awaitUrl(urlFile, first);
            assertThat(url).isEqualTo("postgresql://postgres@127.0.0.1:" + port + "/postgres");
            // pg_ctl daemonizes the postmaster: it is not our child, so find it by its pid file
            ProcessHandle postmaster = postmaster(data);
            List<ProcessHandle> postgresProcesses = Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
            assertThat(postgresProcesses.size()).as("postmaster and its workers").isGreaterThan(1);
            await(Databases.ensureDatabase(vertx, url, "kept"));
            Pool pool = PgPools.create(vertx, PgSettings.withDatabase(url, "kept"), 1);
            await(pool.query("CREATE TABLE survivor (id int); INSERT INTO survivor VALUES (42)").execute());
            await(pool.close());

            first.destroy(); // SIGTERM
            assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("launcher exits after SIGTERM").isTrue();
            assertThat(postgresProcesses).allSatisfy(p -> assertThat(p.isAlive()).as("postgres pid %d", p.pid()).isFalse());
            assertThat(urlFile).doesNotExist();
        } finally {
            first.destroy();
            first.waitFor(60, TimeUnit.SECONDS);
        }

        Process second = launch(data, port);
        try {
            String again = awaitUrl(urlFile, second);
            Pool reopened = PgPools.create(vertx, PgSettings.withDatabase(again, "kept"), 1);
            int id = await(reopened.query("SELECT id FROM survivor").execute()).iterator().next().getInteger("id");
            await(reopened.close());
            assertThat(id).isEqualTo(42);
        } finally {
            second.destroy();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static Process launch(Path data, int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                EmbeddedPostgresMain.class.getName(), data.toString(), String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher-" + port + "-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static String awaitUrl(Path urlFile, Process process) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.exists(urlFile)) {
            assertThat(process.isAlive()).as("launcher still running").isTrue();
            assertThat(Instant.now()).as("URL file written in time").isBefore(deadline);
            Thread.sleep(100);
        }
        return Files.readString(urlFile).trim();
    }

    private static ProcessHandle postmaster(Path data) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " from " + data));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
