package dev.runnel.offsets;

import dev.runnel.pg.EmbeddedPg;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;

/** Starts a real PostgreSQL for the Quarkus test and points the service at it, as the launcher does with RUNNEL_PG_URL. */
public class EmbeddedPgResource implements QuarkusTestResourceLifecycleManager {
    private Optional<EmbeddedPg> pg = Optional.empty();

    @Override
    public Map<String, String> start() {
        try {
            EmbeddedPg started = EmbeddedPg.start(Files.createTempDirectory("offsets-test-pg").resolve("data"));
            pg = Optional.of(started);
            return Map.of("runnel.pg.url", started.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        pg.ifPresent(EmbeddedPg::close);
    }
}
