package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static dev.runnel.it.ReplicaManagerProbe.findPartition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replica-managers, one active (it holds the PostgreSQL lease), one standing by: SIGKILL the active
 * one while an idempotent acks=all producer writes, and the standby takes over — producing goes on, topics
 * can be created, and when a store then dies the new controller fails its partitions over. Every
 * acknowledged record is read back.
 */
class ControllerFailoverIT {
    private static final String TOPIC = "controller-ha";
    private static final int PARTITIONS = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalCluster cluster;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start("controller-failover", 2, "-Drunnel.controller.store-session-timeout-ms=3000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theStandbyTakesOverWhileProducingGoesOn() throws Exception {
        assertThat(role("replica-manager")).isEqualTo("active");
        assertThat(role("replica-manager-2")).isEqualTo("standby");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 2))).all().get();
        }
        JsonNode before = awaitMetadata("replica-manager", "the topic is fully in sync", this::allInSync);

        SequenceWriter writer = new SequenceWriter(cluster.bootstrap(), TOPIC);
        try {
            writer.awaitMoreAcks(1000);
            cluster.kill("replica-manager");
            JsonNode taken = awaitMetadata("replica-manager-2", "the standby serving metadata", this::allInSync);
            assertThat(role("replica-manager-2")).isEqualTo("active");
            assertThat(taken.get("version").asLong()).as("the new controller's versions outrank the old one's")
                    .isGreaterThan(before.get("version").asLong());
            writer.awaitMoreAcks(1000);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
                admin.createTopics(List.of(new NewTopic("created-after-failover", 1, (short) 2))).all().get();
            }

            // the new controller also fails partitions over
            int leader = findPartition(taken, TOPIC, 0).get("leader").asInt();
            cluster.kill("store-" + leader);
            awaitMetadata("replica-manager-2", "partition 0 led by the other store", m -> {
                int now = findPartition(m, TOPIC, 0).get("leader").asInt();
                return now > 0 && now != leader;
            });
            writer.awaitMoreAcks(1000);

            cluster.up(); // the store and the old replica-manager, which now stands by
            awaitMetadata("replica-manager-2", "the store back in every ISR", this::allInSync);
            assertThat(role("replica-manager")).isEqualTo("standby");
            writer.awaitMoreAcks(500);
        } finally {
            writer.close();
        }
        System.out.printf("controller failover: %d records sent, %d acknowledged, %d failed%n",
                writer.sent.get(), writer.acked.size(), writer.failed.get());
        Map<Integer, List<ConsumerRecord<String, String>>> log = AcknowledgedRecords.readAll(cluster.bootstrap(), TOPIC, PARTITIONS);
        AcknowledgedRecords.checkEachReadOnceWhereAcknowledged(writer.acked, log);
        AcknowledgedRecords.checkOrderWithoutDuplicates(log);
    }

    private String role(String service) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.httpBase(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        // the replica-manager's own check (the Topic operator adds another one)
        for (JsonNode check : JSON.readTree(response.body()).get("checks")) {
            if ("replica-manager".equals(check.get("name").asText())) {
                return check.get("data").get("role").asText();
            }
        }
        throw new AssertionError("no replica-manager readiness check in " + response.body());
    }

    private boolean allInSync(JsonNode metadata) {
        List<JsonNode> partitions = ReplicaManagerProbe.partitions(metadata, TOPIC);
        return partitions.size() == PARTITIONS
                && partitions.stream().allMatch(p -> p.get("isr").size() == 2 && p.get("leader").asInt() > 0);
    }

    /** Polls {@code GET /metadata} on one replica-manager (a standby answers 503) until {@code condition} holds. */
    private JsonNode awaitMetadata(String service, String what, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(cluster.httpBase(service) + "/metadata"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode metadata = JSON.readTree(response.body());
                    if (condition.test(metadata)) {
                        return metadata;
                    }
                }
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Timed out waiting for " + what + " on " + service + "; last answer: " + last);
    }
}
