package dev.runnel.controller;

import dev.runnel.pg.EmbeddedPg;
import dev.runnel.pg.PgSettings;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two replica-managers' leases on one real PostgreSQL: exactly one holds it; the other takes over when it goes. */
class ControllerLeaseTest {
    @TempDir
    static Path dir;
    static EmbeddedPg pg;
    static Vertx vertx;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedPg.start(dir.resolve("pg"), 0);
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        dev.runnel.controller.pg.PgTestDatabase.await(vertx.close());
        pg.close();
    }

    @Test
    void oneHoldsTheLeaseAndTheStandbyTakesOverWhenTheHolderGoes() throws Exception {
        PgSettings settings = PgSettings.resolve(java.util.Map.of(), java.util.Optional.of(pg.url()), java.util.Optional.of("lease_test"));
        List<String> events = new CopyOnWriteArrayList<>();
        ControllerLease first = new ControllerLease(vertx, settings, 100, () -> events.add("first active"), () -> events.add("first lost"));
        ControllerLease second = new ControllerLease(vertx, settings, 100, () -> events.add("second active"), () -> events.add("second lost"));
        vertx.runOnContext(v -> first.start());
        waitUntil("the first holds the lease", first::isHeld);
        vertx.runOnContext(v -> second.start());
        Thread.sleep(500); // several of the standby's attempts
        assertThat(second.isHeld()).isFalse();
        assertThat(events).containsExactly("first active");

        vertx.runOnContext(v -> first.stop()); // its session ends, as when its process dies
        waitUntil("the standby takes over", second::isHeld);
        assertThat(events).containsExactly("first active", "second active");
        vertx.runOnContext(v -> second.stop());
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
