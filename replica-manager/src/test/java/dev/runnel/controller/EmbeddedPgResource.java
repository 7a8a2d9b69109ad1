package dev.runnel.controller;

import dev.runnel.pg.EmbeddedPg;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts a real PostgreSQL for the Quarkus test and points the service at it, as the launcher does with
 * RUNNEL_PG_URL. The event-bus cluster gets a name of its own, so the test never joins another JVM's
 * cluster on this machine.
 */
public class EmbeddedPgResource implements QuarkusTestResourceLifecycleManager {
    private Optional<EmbeddedPg> pg = Optional.empty();

    @Override
    public Map<String, String> start() {
        try {
            EmbeddedPg started = EmbeddedPg.start(Files.createTempDirectory("rm-test-pg").resolve("data"));
            pg = Optional.of(started);
            return Map.of("runnel.pg.url", started.url(),
                    "runnel.cluster.name", "rm-test-" + UUID.randomUUID(),
                    // a KUBECONFIG in the environment (CI exports one) must not start the operator here
                    "runnel.operator.enabled", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        pg.ifPresent(EmbeddedPg::close);
    }
}
