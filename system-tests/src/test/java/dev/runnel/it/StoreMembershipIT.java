package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static dev.runnel.it.ReplicaManagerProbe.findPartition;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SIGKILLed store is declared dead because its event-bus node left the cluster, not because its
 * heartbeats stopped: the store session timeout is set to 60 s here, far beyond how long Hazelcast takes to
 * drop a killed member, and the test checks the replica-manager's reason (its log line naming the
 * event-bus cluster, and no "missed heartbeats" line) rather than timing anything. Leadership then fails
 * over to the surviving in-sync replica.
 */
class StoreMembershipIT {
    private static final String TOPIC = "membership";
    private static final int PARTITIONS = 2;
    private static final Duration WAIT = Duration.ofSeconds(120);

    private static LocalCluster cluster;
    private static ReplicaManagerProbe probe;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start("store-membership", 2, "-Drunnel.controller.store-session-timeout-ms=60000");
        probe = new ReplicaManagerProbe(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aKilledStoreIsDeadAsSoonAsItsEventBusNodeLeavesAndItsPartitionsFailOver() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 2))).all().get();
        }
        JsonNode before = probe.await(WAIT, "both replicas of every partition in sync", m -> {
            List<JsonNode> partitions = ReplicaManagerProbe.partitions(m, TOPIC);
            return partitions.size() == PARTITIONS
                    && partitions.stream().allMatch(p -> p.get("isr").size() == 2 && p.get("leader").asInt() > 0);
        });
        int victim = findPartition(before, TOPIC, 0).get("leader").asInt();
        int survivor = 3 - victim;

        cluster.kill("store-" + victim);

        probe.await(WAIT, "store-" + victim + " gone from the live stores", m -> !liveStores(m).contains(victim));
        String log = replicaManagerLogs();
        assertThat(log).as("the replica-manager's reason").contains("Store " + victim + " left the event-bus cluster");
        assertThat(log).as("the session (60 s) cannot have expired").doesNotContain("missed heartbeats");

        JsonNode failedOver = probe.await(WAIT, "partition 0 led by store-" + survivor,
                m -> findPartition(m, TOPIC, 0).get("leader").asInt() == survivor);
        assertThat(findPartition(failedOver, TOPIC, 0).get("isr")).extracting(JsonNode::asInt).containsExactly(survivor);
        assertThat(findPartition(failedOver, TOPIC, 0).get("leaderEpoch").asInt())
                .isGreaterThan(findPartition(before, TOPIC, 0).get("leaderEpoch").asInt());
    }

    private static List<Integer> liveStores(JsonNode metadata) {
        return StreamSupport.stream(metadata.get("stores").spliterator(), false).map(s -> s.get("brokerId").asInt()).toList();
    }

    /** Both replica-managers' logs: whichever is active wrote the reason. */
    private static String replicaManagerLogs() throws Exception {
        StringBuilder logs = new StringBuilder();
        for (String service : List.of("replica-manager", "replica-manager-2")) {
            Path log = cluster.log(service);
            if (Files.exists(log)) {
                logs.append(Files.readString(log));
            }
        }
        return logs.toString();
    }
}
