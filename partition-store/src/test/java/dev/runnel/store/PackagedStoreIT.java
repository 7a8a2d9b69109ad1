package dev.runnel.store;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged partition-store — the runnable jar, or the native executable under {@code -Pnative} — starts
 * as broker 1 on a fresh data dir, joins an event bus of its own, and serves health and its metrics.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PackagedStoreIT.OwnStore.class)
class PackagedStoreIT {
    @TestHTTPResource("/q/health/live")
    URL liveness;
    @TestHTTPResource("/q/metrics")
    URL metrics;

    public static class OwnStore implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                return Map.of("runnel.store.broker-id", "1",
                        "runnel.store.data-dir", Files.createTempDirectory("store-it").toString(),
                        "runnel.cluster.name", "store-it-" + UUID.randomUUID());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void thePackagedStoreIsLiveAndExportsItsMetrics() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(liveness.toString())).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(URI.create(metrics.toString())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("runnel_store");
    }
}
