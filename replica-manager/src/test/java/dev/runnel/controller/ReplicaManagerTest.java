package dev.runnel.controller;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.HeartbeatAck;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.MetadataRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.bus.control.TopicResults;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replica-manager as it runs: Quarkus, the clustered event bus, a real PostgreSQL. A stand-in store
 * heartbeats as broker 1; requests go over the bus as the gateway sends them.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPgResource.class, restrictToAnnotatedClass = true)
class ReplicaManagerTest {
    @Inject
    Vertx vertx;
    @TestHTTPResource("/q/health/ready")
    URL readiness;

    private long heartbeatTimer;
    private final List<ClusterMetadata> updates = new CopyOnWriteArrayList<>();
    private MessageConsumer<ClusterMetadata> updatesConsumer;

    @BeforeEach
    void storeOneIsAlive() throws Exception {
        awaitReady();
        updatesConsumer = vertx.eventBus().consumer(Addresses.METADATA_UPDATES, m -> updates.add(m.body()));
        io.vertx.core.Promise<Void> registered = io.vertx.core.Promise.promise();
        updatesConsumer.completionHandler(registered);
        registered.future().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        HeartbeatAck ack = request(Addresses.CONTROLLER_STORE_HEARTBEAT, new StoreHeartbeat(1, null, "127.0.0.1:18081", 0, null));
        assertThat(ack.metadataVersion()).isPositive();
        heartbeatTimer = vertx.setPeriodic(500, t -> vertx.eventBus().request(Addresses.CONTROLLER_STORE_HEARTBEAT,
                new StoreHeartbeat(1, null, "127.0.0.1:18081", 0, null)));
    }

    @AfterEach
    void stopHeartbeats() throws Exception {
        vertx.cancelTimer(heartbeatTimer);
        updatesConsumer.unregister().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void readinessReportsUpWithTheMetadataVersion() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness.toURI()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("replica-manager").contains("metadataVersion");
    }

    @Test
    void topicsAreCreatedDescribedChangedAndDeletedOverTheBus() throws Exception {
        TopicResults created = request(Addresses.CONTROLLER_CREATE_TOPICS, new CreateTopicsRequest(List.of(
                new CreateTopicRequest("payments", 3, (short) -1, Map.of("retention.ms", "3600000")),
                new CreateTopicRequest("..", 1, (short) 1, Map.of()),
                new CreateTopicRequest("wide", 1, (short) 3, Map.of())), false));
        assertThat(created.topics()).extracting(TopicResult::error)
                .containsExactly(ErrorCode.NONE, ErrorCode.INVALID_TOPIC_EXCEPTION, ErrorCode.INVALID_REPLICATION_FACTOR);

        ClusterMetadata metadata = request(Addresses.CONTROLLER_METADATA, new MetadataRequest("test"));
        TopicInfo payments = metadata.topic("payments").orElseThrow();
        assertThat(payments.id()).isEqualTo(created.topics().get(0).id());
        assertThat(payments.configs()).containsEntry("retention.ms", "3600000");
        assertThat(payments.partitions()).hasSize(3).allSatisfy(p -> {
            assertThat(p.leader()).isEqualTo(1);
            assertThat(p.replicas()).containsExactly(1);
        });
        assertThat(metadata.stores()).extracting(s -> s.brokerId()).containsExactly(1);
        assertThat(updates).as("the change was published").anySatisfy(u -> assertThat(u.topic("payments")).isPresent());

        TopicResults again = request(Addresses.CONTROLLER_CREATE_TOPICS, new CreateTopicsRequest(List.of(
                new CreateTopicRequest("payments", 1, (short) 1, Map.of())), false));
        assertThat(again.topics().get(0).error()).isEqualTo(ErrorCode.TOPIC_ALREADY_EXISTS);

        TopicResults grown = request(Addresses.CONTROLLER_CREATE_PARTITIONS, new CreatePartitionsRequest(
                List.of(new NewPartitions("payments", 5)), false));
        assertThat(grown.topics().get(0).partitions()).isEqualTo(5);
        TopicResults altered = request(Addresses.CONTROLLER_ALTER_CONFIGS, new AlterConfigsRequest(List.of(
                new AlterConfigsRequest.TopicConfigChange("payments", Map.of("max.message.bytes", "2000000"), List.of("retention.ms"))), false));
        assertThat(altered.topics().get(0).configs()).containsExactly(Map.entry("max.message.bytes", "2000000"));

        ClusterMetadata changed = request(Addresses.CONTROLLER_METADATA, new MetadataRequest("test"));
        assertThat(changed.version()).isGreaterThan(metadata.version());
        assertThat(changed.topic("payments").orElseThrow().partitions()).hasSize(5);

        TopicResults deleted = request(Addresses.CONTROLLER_DELETE_TOPICS, new DeleteTopicsRequest(List.of("payments", "payments")));
        assertThat(deleted.topics()).extracting(TopicResult::error).containsExactly(ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        ClusterMetadata after = request(Addresses.CONTROLLER_METADATA, new MetadataRequest("test"));
        assertThat(after.topic("payments")).isEmpty();
    }

    @Test
    void isrChangesGoOverTheBusAndMetadataIsServedAsJson() throws Exception {
        request(Addresses.CONTROLLER_CREATE_TOPICS, new CreateTopicsRequest(List.of(
                new CreateTopicRequest("shown", 1, (short) 1, Map.of())), false));
        ClusterMetadata metadata = request(Addresses.CONTROLLER_METADATA, new MetadataRequest("test"));
        var partition = metadata.topic("shown").orElseThrow().partitions().get(0);
        AlterPartitionResult stale = request(Addresses.CONTROLLER_ALTER_PARTITION, new AlterPartitionRequest(1, "shown", 0,
                partition.leaderEpoch(), partition.partitionEpoch() + 5, List.of(1)));
        assertThat(stale.error()).isEqualTo(ErrorCode.INVALID_UPDATE_VERSION);
        assertThat(stale.partition()).isEqualTo(partition);

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                readiness.toURI().resolve("/metadata")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject(response.body());
        assertThat(json.getJsonArray("topics").stream().map(t -> ((io.vertx.core.json.JsonObject) t).getString("name"))).contains("shown");
        assertThat(response.body()).contains("\"isr\":[1]").contains("\"partitionEpoch\":0");
    }

    @Test
    void producerIdsAreHandedOut() throws Exception {
        ProducerIdResult first = request(Addresses.CONTROLLER_INIT_PRODUCER_ID, new InitProducerIdRequest(null));
        ProducerIdResult second = request(Addresses.CONTROLLER_INIT_PRODUCER_ID, new InitProducerIdRequest(null));

        assertThat(first.error()).isEqualTo(ErrorCode.NONE);
        assertThat(second.producerId()).isGreaterThan(first.producerId());
    }

    private <T> T request(String address, Object body) throws Exception {
        return vertx.eventBus().<T>request(address, body).map(m -> m.body())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The controller starts asynchronously after Quarkus; wait (bounded) for readiness. */
    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            int status = client.send(HttpRequest.newBuilder(URI.create(readiness.toString())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
            assertThat(Instant.now()).as("replica-manager ready within 60 s").isBefore(deadline);
            Thread.sleep(200);
        }
    }
}
