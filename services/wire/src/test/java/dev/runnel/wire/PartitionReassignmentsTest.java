package dev.runnel.wire;

import dev.runnel.bus.ErrorCode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterPartitionReassignmentsOptions;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidReplicaAssignmentException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.NoReassignmentInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignablePartition;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignableTopic;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AlterPartitionReassignmentsResponse;
import org.apache.kafka.common.requests.ListPartitionReassignmentsResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AlterPartitionReassignments and ListPartitionReassignments through a real kafka-clients 4.1.1 AdminClient
 * (and raw frames for the top-level errors the AdminClient retries). The in-memory backend keeps every
 * partition on store 7 and lets moves to stores 8 and 9 run forever, so they can be listed and cancelled.
 */
class PartitionReassignmentsTest {
    private static WireTestSupport.Running running;
    private static Admin admin;

    @BeforeAll
    static void start() {
        running = WireTestSupport.start(s -> s);
        running.backend().createTopic("moves", 2);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        admin = Admin.create(props);
    }

    @AfterAll
    static void stop() {
        admin.close(Duration.ofSeconds(5));
        running.close();
    }

    @AfterEach
    void controllerBack() throws Exception {
        running.backend().controllerUnavailable(Optional.empty());
        var ongoing = admin.listPartitionReassignments().reassignments().get();
        if (!ongoing.isEmpty()) {
            Map<TopicPartition, Optional<NewPartitionReassignment>> cancel = new java.util.HashMap<>();
            ongoing.keySet().forEach(tp -> cancel.put(tp, Optional.empty()));
            admin.alterPartitionReassignments(cancel).all().get();
        }
    }

    @Test
    void movesAreStartedListedAndCancelled() throws Exception {
        TopicPartition p0 = new TopicPartition("moves", 0);
        TopicPartition p1 = new TopicPartition("moves", 1);
        assertThat(admin.listPartitionReassignments().reassignments().get()).isEmpty();

        admin.alterPartitionReassignments(Map.of(
                p0, Optional.of(new NewPartitionReassignment(List.of(8))),
                p1, Optional.of(new NewPartitionReassignment(List.of(7, 9))))).all().get();

        Map<TopicPartition, PartitionReassignment> all = admin.listPartitionReassignments().reassignments().get();
        assertThat(all).containsOnlyKeys(p0, p1);
        assertThat(all.get(p0).replicas()).containsExactly(8, 7);
        assertThat(all.get(p0).addingReplicas()).containsExactly(8);
        assertThat(all.get(p0).removingReplicas()).containsExactly(7);
        assertThat(all.get(p1).replicas()).containsExactly(7, 9);
        assertThat(all.get(p1).addingReplicas()).containsExactly(9);
        assertThat(all.get(p1).removingReplicas()).isEmpty();
        assertThat(admin.listPartitionReassignments(Set.of(p1)).reassignments().get()).containsOnlyKeys(p1);
        assertThat(admin.listPartitionReassignments(Set.of(new TopicPartition("no-such-topic", 0))).reassignments().get())
                .as("unknown partitions are left out").isEmpty();

        admin.alterPartitionReassignments(Map.of(p0, Optional.empty())).all().get();
        assertThat(admin.listPartitionReassignments().reassignments().get()).containsOnlyKeys(p1);
    }

    @Test
    void refusalsArriveAsTheExceptionsKafkaClientsThrow() {
        TopicPartition p0 = new TopicPartition("moves", 0);
        var results = admin.alterPartitionReassignments(Map.of(
                new TopicPartition("moves", 5), Optional.of(new NewPartitionReassignment(List.of(8))),
                new TopicPartition("nowhere", 0), Optional.of(new NewPartitionReassignment(List.of(8))),
                p0, Optional.of(new NewPartitionReassignment(List.of(42))),
                new TopicPartition("moves", 1), Optional.empty())).values();
        assertThatThrownBy(() -> results.get(new TopicPartition("moves", 5)).get())
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        assertThatThrownBy(() -> results.get(new TopicPartition("nowhere", 0)).get())
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
        assertThatThrownBy(() -> results.get(p0).get()).hasCauseInstanceOf(InvalidReplicaAssignmentException.class);
        assertThatThrownBy(() -> results.get(new TopicPartition("moves", 1)).get())
                .hasCauseInstanceOf(NoReassignmentInProgressException.class);
    }

    @Test
    void aReplicationFactorChangeIsRefusedWhenTheRequestDisallowsIt() throws Exception {
        TopicPartition p0 = new TopicPartition("moves", 0);
        AlterPartitionReassignmentsOptions keepFactor = new AlterPartitionReassignmentsOptions().allowReplicationFactorChange(false);
        assertThatThrownBy(() -> admin.alterPartitionReassignments(
                Map.of(p0, Optional.of(new NewPartitionReassignment(List.of(8, 9)))), keepFactor).all().get())
                .hasCauseInstanceOf(InvalidReplicationFactorException.class);
        assertThat(admin.listPartitionReassignments().reassignments().get()).as("nothing started").isEmpty();

        admin.alterPartitionReassignments(Map.of(p0, Optional.of(new NewPartitionReassignment(List.of(9)))), keepFactor)
                .all().get();
        assertThat(admin.listPartitionReassignments().reassignments().get()).containsOnlyKeys(p0);
    }

    @Test
    void aControllerThatDoesNotAnswerInTimeIsATimeoutForEveryPartition() {
        running.backend().controllerUnavailable(Optional.of(ErrorCode.REQUEST_TIMED_OUT));
        TopicPartition p0 = new TopicPartition("moves", 0);
        assertThatThrownBy(() -> admin.alterPartitionReassignments(
                Map.of(p0, Optional.of(new NewPartitionReassignment(List.of(8))))).all().get())
                .hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void anUnreachableControllerIsNotControllerAtTheTopLevel() throws Exception {
        running.backend().controllerUnavailable(Optional.of(ErrorCode.NOT_CONTROLLER));
        AlterPartitionReassignmentsRequestData alter = new AlterPartitionReassignmentsRequestData().setTopics(List.of(
                new ReassignableTopic().setName("moves").setPartitions(List.of(
                        new ReassignablePartition().setPartitionIndex(0).setReplicas(List.of(8))))));
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, (short) 1, 1, alter));
            var response = ((AlterPartitionReassignmentsResponse) socket.read(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, (short) 1).body()).data();
            assertThat(response.errorCode()).isEqualTo(Errors.NOT_CONTROLLER.code());
            assertThat(response.responses().get(0).partitions().get(0).errorCode()).isEqualTo(Errors.NOT_CONTROLLER.code());

            socket.send(RawKafkaSocket.frame(ApiKeys.LIST_PARTITION_REASSIGNMENTS, (short) 0, 2,
                    new ListPartitionReassignmentsRequestData()));
            var listed = ((ListPartitionReassignmentsResponse) socket.read(ApiKeys.LIST_PARTITION_REASSIGNMENTS, (short) 0).body()).data();
            assertThat(listed.errorCode()).isEqualTo(Errors.NOT_CONTROLLER.code());
        }
    }
}
