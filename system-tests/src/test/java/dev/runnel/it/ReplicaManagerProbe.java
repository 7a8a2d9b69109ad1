package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /metadata answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Polls the metadata until {@code condition} holds; fails naming {@code what} and the last metadata seen. */
    JsonNode await(Duration timeout, String what, Predicate<JsonNode> condition) throws Exception {
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

    /** The partition, or null while the metadata has no such topic or partition (so polls can wait for it). */
    static JsonNode findPartition(JsonNode metadata, String topic, int partition) {
        for (JsonNode t : metadata.get("topics")) {
            if (t.get("name").asText().equals(topic)) {
                for (JsonNode p : t.get("partitions")) {
                    if (p.get("partition").asInt() == partition) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** The topic's partitions, or an empty list while the metadata has no such topic. */
    static List<JsonNode> partitions(JsonNode metadata, String topic) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode t : metadata.get("topics")) {
            if (t.get("name").asText().equals(topic)) {
                t.get("partitions").forEach(found::add);
            }
        }
        return found;
    }

    /** A JSON array of broker ids as a list; empty for a missing array. */
    static List<Integer> ids(JsonNode array) {
        List<Integer> ids = new ArrayList<>();
        if (array != null) {
            array.forEach(id -> ids.add(id.asInt()));
        }
        return ids;
    }
}
