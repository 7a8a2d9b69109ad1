package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.NoReassignmentInProgressException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.runnel.it.ReplicaManagerProbe.findPartition;
import static dev.runnel.it.ReplicaManagerProbe.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Kafka's AlterPartitionReassignments and ListPartitionReassignments through the gateway, against three
 * stores: a partition moves away from its leader onto the third store while an idempotent acks=all producer
 * writes to it, and afterwards its new replicas alone hold every acknowledged record — the store it left is
 * SIGKILLed before reading back. Also: what the controller refuses, as the exceptions Kafka clients throw,
 * and a move that cannot finish (its only replica's store is down) listed with its adding and removing
 * replicas until that store returns.
 *
 * <p>The methods run in order: the last one kills a store for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionReassignmentIT {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static LocalCluster cluster;
    private static Admin admin;
    private static ReplicaManagerProbe probe;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start("partition-reassignment", 3, "-Drunnel.controller.store-session-timeout-ms=3000");
        probe = new ReplicaManagerProbe(cluster);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "60000"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void refusalsArriveAsTheExceptionsKafkaClientsThrow() throws Exception {
        admin.createTopics(List.of(new NewTopic("refused", 1, (short) 2))).all().get();
        probe.await(PATIENCE, "refused-0 in sync on two stores", m -> inSync(m, "refused", 0, 2));
        TopicPartition refused = new TopicPartition("refused", 0);

        assertThatThrownBy(() -> admin.alterPartitionReassignments(Map.of(new TopicPartition("refused", 7),
                Optional.of(new NewPartitionReassignment(List.of(1, 2))))).all().get())
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        assertThatThrownBy(() -> admin.alterPartitionReassignments(Map.of(refused,
                Optional.of(new NewPartitionReassignment(List.of(1, 99))))).all().get())
                .as("no store has broker id 99").hasCauseInstanceOf(InvalidReplicaAssignmentException.class);
        assertThatThrownBy(() -> admin.alterPartitionReassignments(Map.of(refused, Optional.empty())).all().get())
                .hasCauseInstanceOf(NoReassignmentInProgressException.class);

        assertThat(admin.listPartitionReassignments().reassignments().get()).isEmpty();
        assertThat(findPartition(probe.metadata(), "refused", 0).get("replicas")).as("nothing moved").hasSize(2);
    }

    @Test
    @Order(2)
    void aMoveIsListedWhileItWaitsAndCompletesWhenTheStoreItNeedsReturns() throws Exception {
        admin.createTopics(List.of(new NewTopic("stalled", 1, (short) 1))).all().get();
        JsonNode created = probe.await(PATIENCE, "stalled-0 has a leader", m -> inSync(m, "stalled", 0, 1));
        int only = findPartition(created, "stalled", 0).get("leader").asInt();
        int destination = only % 3 + 1;
        TopicPartition stalled = new TopicPartition("stalled", 0);

        // with its only replica's store down the new one has nothing to copy from: the move cannot finish
        cluster.kill("store-" + only);
        admin.alterPartitionReassignments(Map.of(stalled, Optional.of(new NewPartitionReassignment(List.of(destination)))))
                .all().get();
        PartitionReassignment listed = admin.listPartitionReassignments(Set.of(stalled)).reassignments().get().get(stalled);
        assertThat(listed).as("listed while in progress").isNotNull();
        assertThat(listed.replicas()).containsExactly(destination, only);
        assertThat(listed.addingReplicas()).containsExactly(destination);
        assertThat(listed.removingReplicas()).containsExactly(only);
        assertThat(admin.listPartitionReassignments().reassignments().get()).containsOnlyKeys(stalled);

        cluster.up(); // the store returns on its data, leads again, and the new replica catches up
        awaitNoReassignment(stalled);
        JsonNode moved = probe.await(PATIENCE, "stalled-0 on store " + destination + " alone",
                m -> replicas(m, "stalled", 0).equals(List.of(destination)) && inSync(m, "stalled", 0, 1));
        assertThat(findPartition(moved, "stalled", 0).get("leader").asInt()).isEqualTo(destination);
    }

    @Test
    @Order(3)
    void aPartitionMovesOffItsLeaderWhileProducingAndItsNewReplicasHoldEveryAcknowledgedRecord() throws Exception {
        String topic = "moving";
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 2))).all().get();
        JsonNode before = probe.await(PATIENCE, "moving in sync", m -> inSync(m, topic, 0, 2) && inSync(m, topic, 1, 2));
        List<Integer> original = replicas(before, topic, 0);
        int leader = findPartition(before, topic, 0).get("leader").asInt();
        int stays = original.stream().filter(id -> id != leader).findFirst().orElseThrow();
        int third = Set.of(1, 2, 3).stream().filter(id -> !original.contains(id)).findFirst().orElseThrow();
        List<Integer> target = List.of(third, stays);
        TopicPartition p0 = new TopicPartition(topic, 0);
        System.out.printf("moving %s from %s (leader %d) to %s%n", p0, original, leader, target);

        SequenceWriter writer = new SequenceWriter(cluster.bootstrap(), topic);
        int ackedWhenStarted;
        try {
            writer.awaitMoreAcks(1000);
            ackedWhenStarted = writer.acked.size();
            admin.alterPartitionReassignments(Map.of(p0, Optional.of(new NewPartitionReassignment(target)))).all().get();
            awaitNoReassignment(p0);
            writer.awaitMoreAcks(1000); // producing goes on after the leader moved
        } finally {
            writer.close();
        }
        System.out.printf("%d records sent, %d acknowledged (%d before the move), %d failed%n",
                writer.sent.get(), writer.acked.size(), ackedWhenStarted, writer.failed.get());

        JsonNode after = probe.await(PATIENCE, "moving-0 on " + target + ", all in sync",
                m -> replicas(m, topic, 0).equals(target) && inSync(m, topic, 0, 2));
        JsonNode p0After = findPartition(after, topic, 0);
        assertThat(ids(p0After.get("isr"))).containsExactlyInAnyOrderElementsOf(target);
        assertThat(p0After.get("leader").asInt()).as("the leader left with its replica").isNotEqualTo(leader).isIn(target);
        assertThat(p0After.get("addingReplicas")).isEmpty();
        assertThat(p0After.get("removingReplicas")).isEmpty();
        awaitGone(leader, topic + "-0");

        cluster.kill("store-" + leader); // only the new replicas are left to read from
        Map<Integer, List<ConsumerRecord<String, String>>> log = AcknowledgedRecords.readAll(cluster.bootstrap(), topic, 1);
        Map<Integer, SequenceWriter.Ack> ackedOnP0 = writer.acked.entrySet().stream()
                .filter(e -> e.getValue().partition() == 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(ackedOnP0).isNotEmpty();
        AcknowledgedRecords.checkEachReadOnceWhereAcknowledged(ackedOnP0, log);
        AcknowledgedRecords.checkOrderWithoutDuplicates(log);
    }

    private static void awaitNoReassignment(TopicPartition partition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Map<TopicPartition, PartitionReassignment> ongoing = admin.listPartitionReassignments(Set.of(partition)).reassignments().get();
        while (!ongoing.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Reassignment of " + partition + " still in progress: " + ongoing);
            }
            Thread.sleep(200);
            ongoing = admin.listPartitionReassignments(Set.of(partition)).reassignments().get();
        }
    }

    /** The store a partition left deletes its copy. */
    private static void awaitGone(int brokerId, String partitionDir) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (Files.exists(cluster.storeDir(brokerId).resolve(partitionDir))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("store-" + brokerId + " still holds " + partitionDir);
            }
            Thread.sleep(200);
        }
    }

    private static boolean inSync(JsonNode metadata, String topic, int partition, int replicas) {
        JsonNode p = findPartition(metadata, topic, partition);
        return p != null && p.get("leader").asInt() > 0 && p.get("replicas").size() == replicas
                && p.get("isr").size() == replicas;
    }

    private static List<Integer> replicas(JsonNode metadata, String topic, int partition) {
        JsonNode p = findPartition(metadata, topic, partition);
        return p == null ? List.of() : ids(p.get("replicas"));
    }
}
