package dev.runnel.controller;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged replica-manager — the runnable jar, or the native executable under {@code -Pnative} — starts
 * against a real PostgreSQL, joins the event bus and turns ready, with the Topic operator off.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(EmbeddedPgResource.class)
class ReplicaManagerIT {
    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @Test
    void thePackagedServiceTurnsReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> response;
        do {
            Thread.sleep(200);
            response = http.send(HttpRequest.newBuilder(URI.create(readiness.toString())).build(), HttpResponse.BodyHandlers.ofString());
        } while (response.statusCode() != 200 && Instant.now().isBefore(deadline));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"replica-manager\"", "\"state\": \"disabled\"");
    }
}
