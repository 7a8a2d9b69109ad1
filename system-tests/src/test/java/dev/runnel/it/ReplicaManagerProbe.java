package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Reads the replica-manager's {@code GET /metadata} (the real leaders, replicas and ISRs behind the gateway). */
final class ReplicaManagerProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final LocalCluster cluster;

    ReplicaManagerProbe(LocalCluster cluster) {
        this.cluster = cluster;
    }

    JsonNode metadata() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.replicaManagerBase() + "/metadata"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metadata answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls the metadata until {@code condition} holds; fails naming {@code what} and the last metadata seen. */
    JsonNode await(String what, Duration timeout, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = metadata();
        while (!condition.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; metadata: " + last);
            }
            Thread.sleep(250);
            last = metadata();
        }
        return last;
    }

    static JsonNode topic(JsonNode metadata, String name) {
        for (JsonNode t : metadata.get("topics")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("No topic " + name + " in " + metadata);
    }

    static JsonNode partition(JsonNode metadata, String topic, int partition) {
        return topic(metadata, topic).get("partitions").get(partition);
    }
}
