package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.runnel.it.ReplicaManagerProbe.findPartition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication promise, in the manner of Jepsen's Kafka analyses: no acknowledged record is lost when
 * the store leading a partition dies. Three stores hold a topic of 6 partitions with replication factor 3
 * and min.insync.replicas=2; a default-configured (idempotent, acks=all) KafkaProducer writes
 * sequence-numbered records without pause while the test SIGKILLs the leader of a partition, waits for
 * the replica-manager to elect another, restarts the killed store on its old data and waits until it is
 * back in every ISR — round after round ({@code -Drunnel.fault.rounds=N} for a longer run; 5 by default).
 *
 * <p>After healing: every acknowledged record is read back exactly once, at the offset it was
 * acknowledged with; per partition the sequence numbers only grow (order kept, nothing duplicated); and
 * after a clean shutdown the three copies of every partition are byte for byte the same log.
 */
class ReplicationFaultIT {
    private static final String TOPIC = "fault";
    private static final int PARTITIONS = 6;
    private static final int ROUNDS = Integer.getInteger("runnel.fault.rounds", 5);
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static LocalCluster cluster;
    private static ReplicaManagerProbe probe;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        // a store is declared dead after 3 s without heartbeats (6 s by default): keeps the rounds short
        cluster = LocalCluster.start("replication-fault", 3,
                "-Drunnel.controller.store-session-timeout-ms=3000 -Drunnel.controller.preferred-leader-check-ms=5000");
        probe = new ReplicaManagerProbe(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void noAcknowledgedRecordIsLostWhileLeadersAreKilledAndRestarted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 3)
                    .configs(Map.of("min.insync.replicas", "2")))).all().get();
        }
        probe.await(WAIT, "every partition has three in-sync replicas", this::allInSync);

        SequenceWriter writer = new SequenceWriter(cluster.bootstrap(), TOPIC);
        int rounds = 0;
        try {
            writer.awaitMoreAcks(2000);
            for (int round = 0; round < ROUNDS; round++) {
                int partition = round % PARTITIONS;
                int leader = findPartition(probe.metadata(), TOPIC, partition).get("leader").asInt();
                assertThat(leader).as("round %d: partition %d has a leader", round, partition).isPositive();
                System.out.printf("round %d: killing store-%d, leader of %s-%d (%d records acknowledged so far)%n",
                        round, leader, TOPIC, partition, writer.acked.size());

                cluster.kill("store-" + leader);
                JsonNode failedOver = probe.await(WAIT, "a new leader for partition " + partition, m -> {
                    int now = findPartition(m, TOPIC, partition).get("leader").asInt();
                    return now > 0 && now != leader;
                });
                assertThat(findPartition(failedOver, TOPIC, partition).get("isr")).as("the dead store left the ISR")
                        .noneMatch(id -> id.asInt() == leader);
                writer.awaitMoreAcks(1000); // producing goes on with two stores

                cluster.up(); // restarts exactly the killed store, on its data
                probe.await(WAIT, "store-" + leader + " back in every ISR", this::allInSync);
                writer.awaitMoreAcks(1000);
                rounds++;
            }
        } finally {
            writer.close();
        }
        System.out.printf("%d fault rounds; %d records sent, %d acknowledged, %d failed%n",
                rounds, writer.sent.get(), writer.acked.size(), writer.failed.get());
        assertThat(rounds).isEqualTo(ROUNDS);
        assertThat(writer.acked).isNotEmpty();

        probe.await(WAIT, "every partition has three in-sync replicas after healing", this::allInSync);
        Map<Integer, List<ConsumerRecord<String, String>>> log = AcknowledgedRecords.readAll(cluster.bootstrap(), TOPIC, PARTITIONS);
        AcknowledgedRecords.checkEachReadOnceWhereAcknowledged(writer.acked, log);
        AcknowledgedRecords.checkOrderWithoutDuplicates(log);

        awaitReplicasAtTheSameLogEnd();
        cluster.close(); // a clean shutdown, so the copies on disk are complete
        checkReplicasAreIdentical();
        cluster = null;
    }

    /** Each partition's three copies hold the same bytes: the logs never diverged. */
    private static void checkReplicasAreIdentical() throws Exception {
        for (int p = 0; p < PARTITIONS; p++) {
            Path reference = cluster.storeDir(1).resolve(TOPIC + "-" + p);
            List<Path> segments;
            try (var files = Files.list(reference)) {
                segments = files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
            }
            assertThat(segments).as("segments of partition %d", p).isNotEmpty();
            for (Path segment : segments) {
                byte[] expected = Files.readAllBytes(segment);
                for (int store = 2; store <= 3; store++) {
                    Path copy = cluster.storeDir(store).resolve(TOPIC + "-" + p).resolve(segment.getFileName());
                    assertThat(Files.readAllBytes(copy)).as("store-%d's %s of partition %d", store, segment.getFileName(), p)
                            .isEqualTo(expected);
                }
            }
        }
    }

    /** Polls each store's log-end gauges until the three copies of every partition end at the same offset. */
    private void awaitReplicasAtTheSameLogEnd() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Map<String, String>> ends = new ArrayList<>();
            for (int store = 1; store <= 3; store++) {
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (LocalCluster.HTTP_PORT + 10 + store)
                        + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                Map<String, String> partitionEnds = new HashMap<>();
                metrics.lines().filter(l -> l.startsWith("runnel_store_log_end_offset{") && l.contains("topic=\"" + TOPIC + "\""))
                        .forEach(l -> partitionEnds.put(l.substring(0, l.indexOf('}')), l.substring(l.indexOf('}') + 1).trim()));
                ends.add(partitionEnds);
            }
            if (ends.get(0).size() == PARTITIONS && ends.get(0).equals(ends.get(1)) && ends.get(0).equals(ends.get(2))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Replicas did not reach the same log ends: " + ends);
            }
            Thread.sleep(500);
        }
    }

    private boolean allInSync(JsonNode metadata) {
        List<JsonNode> partitions = ReplicaManagerProbe.partitions(metadata, TOPIC);
        return partitions.size() == PARTITIONS
                && partitions.stream().allMatch(p -> p.get("isr").size() == 3 && p.get("leader").asInt() > 0);
    }
}
