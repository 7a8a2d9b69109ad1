package dev.runnel.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged gateway — the runnable jar, or the native executable under {@code -Pnative} — starts, joins
 * an event bus of its own and serves health: live, and not ready while no replica-manager has sent metadata.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(PackagedGatewayIT.OwnPorts.class)
class PackagedGatewayIT {
    @TestHTTPResource("/q/health/live")
    URL liveness;
    @TestHTTPResource("/q/health/ready")
    URL readiness;

    /** A free Kafka port and an event-bus cluster of its own, so parallel builds never meet. */
    public static class OwnPorts implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("runnel.gateway.kafka-port", String.valueOf(socket.getLocalPort()),
                        "runnel.cluster.name", "gateway-it-" + UUID.randomUUID());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void thePackagedGatewayIsLiveAndWaitsForMetadata() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(liveness.toString())).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(readiness.toString())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        assertThat(ready.body()).contains("\"DOWN\"");
    }
}
