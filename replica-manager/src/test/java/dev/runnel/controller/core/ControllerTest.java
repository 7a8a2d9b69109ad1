package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.controller.pg.PgMetadataStore;
import dev.runnel.controller.pg.PgTestDatabase;
import dev.runnel.pg.EmbeddedPg;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.runnel.controller.pg.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The controller core with its real PostgreSQL store, run on one Vert.x context as in the service. */
class ControllerTest {
    @TempDir
    static Path dir;
    static EmbeddedPg pg;
    static Vertx vertx;
    Pool pool;
    Context context;
    MutableClock clock;
    List<ClusterMetadata> published;
    Controller controller;

    @BeforeAll
    static void startPostgres() {
        pg = EmbeddedPg.start(dir.resolve("pg"));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        await(vertx.close());
        pg.close();
    }

    @BeforeEach
    void startController() throws Exception {
        pool = PgTestDatabase.migrated(vertx, pg);
        context = vertx.getOrCreateContext();
        clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        published = Collections.synchronizedList(new ArrayList<>());
        controller = newController();
        on(() -> controller.start());
        heartbeat(1);
    }

    @AfterEach
    void closePool() throws Exception {
        await(pool.close());
    }

    @Test
    void createdTopicsAreDescribedPublishedAndSurviveARestart() throws Exception {
        long versionBefore = controller.metadata().version();
        List<TopicResult> results = on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest("orders", 3, (short) -1, Map.of("retention.ms", "60000")),
                new CreateTopicRequest("bad/name", 1, (short) 1, Map.of()),
                new CreateTopicRequest("too-replicated", 1, (short) 2, Map.of())), false))).topics();

        assertThat(results).extracting(TopicResult::name, TopicResult::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple("orders", ErrorCode.NONE),
                org.assertj.core.groups.Tuple.tuple("bad/name", ErrorCode.INVALID_TOPIC_EXCEPTION),
                org.assertj.core.groups.Tuple.tuple("too-replicated", ErrorCode.INVALID_REPLICATION_FACTOR));
        assertThat(results.get(0).partitions()).isEqualTo(3);
        assertThat(results.get(0).replicationFactor()).isEqualTo((short) 1);
        assertThat(results.get(2).message()).contains("available stores: 1");

        ClusterMetadata metadata = controller.metadata();
        TopicInfo orders = metadata.topic("orders").orElseThrow();
        assertThat(orders.id()).isEqualTo(results.get(0).id());
        assertThat(orders.partitions()).allSatisfy(p -> assertThat(p.leader()).isEqualTo(1));
        assertThat(metadata.version()).isGreaterThan(versionBefore);
        assertThat(published.get(published.size() - 1)).isEqualTo(metadata);

        Controller restarted = newController();
        ClusterMetadata afterRestart = on(restarted::start);
        assertThat(afterRestart.topics()).containsExactly(orders);
        assertThat(afterRestart.clusterId()).isEqualTo(metadata.clusterId());
        assertThat(afterRestart.version()).as("a new controller's versions outrank the old one's").isGreaterThan(metadata.version());
    }

    @Test
    void validateOnlyChangesNothing() throws Exception {
        TopicResult result = on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest("dry", 2, (short) 1, Map.of())), true))).topics().get(0);

        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
        assertThat(result.partitions()).isEqualTo(2);
        assertThat(controller.metadata().topic("dry")).isEmpty();
        assertThat(on(newController()::start).topic("dry")).isEmpty();
    }

    @Test
    void duplicateNamesInOneRequestAreRefusedBoth() throws Exception {
        List<TopicResult> results = on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest("twice", 1, (short) 1, Map.of()),
                new CreateTopicRequest("twice", 1, (short) 1, Map.of())), false))).topics();

        assertThat(results).extracting(TopicResult::error).containsOnly(ErrorCode.INVALID_REQUEST);
        assertThat(controller.metadata().topic("twice")).isEmpty();
    }

    @Test
    void growConfigureAndDeletePersist() throws Exception {
        create("life", 1);

        TopicResult grown = on(() -> controller.createPartitions(new CreatePartitionsRequest(
                List.of(new NewPartitions("life", 4), new NewPartitions("life-missing", 2)), false))).topics().get(0);
        TopicResult shrink = on(() -> controller.createPartitions(new CreatePartitionsRequest(
                List.of(new NewPartitions("life", 2)), false))).topics().get(0);
        TopicResult configured = on(() -> controller.alterConfigs(new AlterConfigsRequest(List.of(
                new AlterConfigsRequest.TopicConfigChange("life", Map.of("retention.bytes", "1000"), List.of())), false))).topics().get(0);

        assertThat(grown.partitions()).isEqualTo(4);
        assertThat(shrink.error()).isEqualTo(ErrorCode.INVALID_PARTITIONS);
        assertThat(shrink.message()).contains("currently has 4 partitions");
        assertThat(configured.configs()).containsEntry("retention.bytes", "1000");
        TopicInfo reloaded = on(newController()::start).topic("life").orElseThrow();
        assertThat(reloaded.partitions()).hasSize(4);
        assertThat(reloaded.configs()).containsEntry("retention.bytes", "1000");

        List<TopicResult> deleted = on(() -> controller.deleteTopics(new DeleteTopicsRequest(List.of("life", "never")))).topics();
        assertThat(deleted).extracting(TopicResult::error).containsExactly(ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        assertThat(controller.metadata().topic("life")).isEmpty();
        assertThat(on(newController()::start).topic("life")).isEmpty();
    }

    @Test
    void anOwnedTopicIsDeletedOnlyByItsOwnerAndItsOwnerSurvivesARestart() throws Exception {
        TopicResult owned = on(() -> controller.createOwnedTopic(new CreateTopicRequest("managed", 2, (short) 1, Map.of()), "k8s:ns/managed"));
        create("kafka-made", 1);

        assertThat(owned.error()).isEqualTo(ErrorCode.NONE);
        assertThat(controller.topic("managed").orElseThrow().owner()).contains("k8s:ns/managed");
        assertThat(controller.topic("kafka-made").orElseThrow().owner()).isEmpty();
        Controller restarted = newController();
        on(restarted::start);
        assertThat(on(() -> Future.succeededFuture(restarted.topic("managed"))).orElseThrow().owner()).contains("k8s:ns/managed");

        assertThat(on(() -> controller.deleteOwnedTopic("kafka-made", "k8s:ns/kafka-made"))).isEqualTo(OwnedDeletion.NOT_OWNED);
        assertThat(on(() -> controller.deleteOwnedTopic("managed", "k8s:other/managed"))).isEqualTo(OwnedDeletion.NOT_OWNED);
        assertThat(on(() -> controller.deleteOwnedTopic("managed", "k8s:ns/managed"))).isEqualTo(OwnedDeletion.DELETED);
        assertThat(on(() -> controller.deleteOwnedTopic("managed", "k8s:ns/managed"))).isEqualTo(OwnedDeletion.ABSENT);
        assertThat(controller.metadata().topic("kafka-made")).isPresent();
        assertThat(controller.metadata().topic("managed")).isEmpty();
    }

    @Test
    void anOwnedTopicIsValidatedLikeAKafkaCreate() throws Exception {
        TopicResult refused = on(() -> controller.createOwnedTopic(
                new CreateTopicRequest("over-replicated", 1, (short) 3, Map.of()), "k8s:ns/x"));

        assertThat(refused.error()).isEqualTo(ErrorCode.INVALID_REPLICATION_FACTOR);
        assertThat(controller.topic("over-replicated")).isEmpty();
    }

    @Test
    void aDeadStoreKeepsLeadingItsPartitionsWithReplicationFactorOne() throws Exception {
        create("pinned", 2);
        long before = controller.metadata().version();

        clock.advance(Duration.ofSeconds(7));
        on(() -> Future.succeededFuture(controller.expireStores()));

        ClusterMetadata afterDeath = controller.metadata();
        assertThat(afterDeath.stores()).isEmpty();
        assertThat(afterDeath.version()).isGreaterThan(before);
        assertThat(published.get(published.size() - 1)).isEqualTo(afterDeath);
        assertThat(afterDeath.topic("pinned").orElseThrow().partitions()).allSatisfy(p -> assertThat(p.leader()).isEqualTo(1));
        // nothing can be created without a live store
        assertThat(on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest("orphan", 1, (short) -1, Map.of())), false))).topics().get(0).error())
                .isEqualTo(ErrorCode.INVALID_REPLICATION_FACTOR);

        heartbeat(1);
        assertThat(controller.metadata().stores()).extracting(s -> s.brokerId()).containsExactly(1);
    }

    @Test
    void producerIdsComeFromTheSequenceAndTransactionsAreUnsupported() throws Exception {
        ProducerIdResult first = on(() -> controller.initProducerId(new InitProducerIdRequest(null)));
        ProducerIdResult second = on(() -> controller.initProducerId(new InitProducerIdRequest(null)));
        ProducerIdResult transactional = on(() -> controller.initProducerId(new InitProducerIdRequest("tx-1")));

        assertThat(first.error()).isEqualTo(ErrorCode.NONE);
        assertThat(first.producerEpoch()).isZero();
        assertThat(second.producerId()).isGreaterThan(first.producerId());
        assertThat(transactional.error()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void aFailedWriteChangesNothingAndIsReportedPerTopic() throws Exception {
        await(pool.query("ALTER TABLE topics ADD CONSTRAINT no_doomed CHECK (name <> 'doomed')").execute());
        long before = controller.metadata().version();

        List<TopicResult> results = on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest("doomed", 1, (short) 1, Map.of()),
                new CreateTopicRequest("fine", 1, (short) 1, Map.of())), false))).topics();

        assertThat(results).extracting(TopicResult::error).containsExactly(ErrorCode.UNKNOWN_SERVER_ERROR, ErrorCode.NONE);
        assertThat(controller.metadata().topic("doomed")).isEmpty();
        assertThat(controller.metadata().topic("fine")).isPresent();
        assertThat(controller.metadata().version()).isEqualTo(before + 1);
    }

    private Controller newController() {
        return new Controller(new PgMetadataStore(pool), new TopicPlanner(new TopicValidator(1, (short) 1, 1000), Ids::newTopicId),
                clock, Duration.ofSeconds(6), published::add);
    }

    private void create(String name, int partitions) throws Exception {
        TopicResult result = on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest(name, partitions, (short) 1, Map.of())), false))).topics().get(0);
        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
    }

    private void heartbeat(int brokerId) throws Exception {
        on(() -> Future.succeededFuture(controller.heartbeat(new StoreHeartbeat(brokerId, null, "127.0.0.1:" + brokerId, 0))));
    }

    /** Runs on the controller's context, as the verticle does, and waits for the answer. */
    private <T> T on(Supplier<Future<T>> call) throws Exception {
        Promise<T> promise = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                call.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return await(promise.future());
    }
}
