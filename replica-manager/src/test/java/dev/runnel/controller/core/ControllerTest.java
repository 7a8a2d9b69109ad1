package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.OngoingReassignment;
import dev.runnel.bus.control.ReassignmentRequest;
import dev.runnel.bus.control.ReassignmentResult;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.StoreInfo;
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
    void aPartitionWhoseOnlyStoreDiedGoesOfflineAndLeadsAgainWhenTheStoreReturns() throws Exception {
        create("pinned", 2);
        long before = controller.metadata().version();

        clock.advance(Duration.ofSeconds(7));
        on(() -> Future.succeededFuture(controller.expireStores()));
        on(controller::reconcilePartitions);

        ClusterMetadata afterDeath = controller.metadata();
        assertThat(afterDeath.stores()).isEmpty();
        assertThat(afterDeath.version()).isGreaterThan(before);
        assertThat(published.get(published.size() - 1)).isEqualTo(afterDeath);
        assertThat(afterDeath.topic("pinned").orElseThrow().partitions()).allSatisfy(p -> {
            assertThat(p.leader()).as("offline: no other replica can lead").isEqualTo(-1);
            assertThat(p.leaderEpoch()).isEqualTo(1);
            assertThat(p.isr()).as("the ISR is kept, so the store can lead again").containsExactly(1);
        });
        // nothing can be created without a live store
        assertThat(on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest("orphan", 1, (short) -1, Map.of())), false))).topics().get(0).error())
                .isEqualTo(ErrorCode.INVALID_REPLICATION_FACTOR);

        heartbeat(1);
        on(controller::reconcilePartitions);
        assertThat(controller.metadata().stores()).extracting(s -> s.brokerId()).containsExactly(1);
        assertThat(controller.metadata().topic("pinned").orElseThrow().partitions()).allSatisfy(p -> {
            assertThat(p.leader()).isEqualTo(1);
            assertThat(p.leaderEpoch()).isEqualTo(2);
        });
    }

    @Test
    void theLeaderOfADeadStoreIsReplacedFromTheIsrAndThePreferredLeaderReturnsOnceInSync() throws Exception {
        heartbeat(2);
        heartbeat(3);
        createReplicated("repl", 6, 3, Map.of());
        List<PartitionInfo> before = controller.metadata().topic("repl").orElseThrow().partitions();

        clock.advance(Duration.ofSeconds(7));
        heartbeat(2);
        heartbeat(3);
        on(() -> Future.succeededFuture(controller.expireStores()));
        List<PartitionChange> changes = on(controller::reconcilePartitions);

        assertThat(changes).hasSize(6);
        List<PartitionInfo> after = controller.metadata().topic("repl").orElseThrow().partitions();
        for (int i = 0; i < 6; i++) {
            PartitionInfo was = before.get(i);
            PartitionInfo now = after.get(i);
            assertThat(now.isr()).as("partition %d", i).doesNotContain(1).containsExactlyElementsOf(
                    was.isr().stream().filter(id -> id != 1).toList());
            assertThat(now.partitionEpoch()).isEqualTo(was.partitionEpoch() + 1);
            if (was.leader() == 1) {
                assertThat(now.leader()).as("partition %d: next in-sync replica in preference order", i)
                        .isEqualTo(was.replicas().stream().filter(id -> id != 1).findFirst().orElseThrow());
                assertThat(now.leaderEpoch()).isEqualTo(was.leaderEpoch() + 1);
            } else {
                assertThat(now.leader()).isEqualTo(was.leader());
                assertThat(now.leaderEpoch()).as("a follower's loss keeps the leader epoch").isEqualTo(was.leaderEpoch());
            }
        }
        assertThat(on(newController()::start).topic("repl").orElseThrow().partitions()).isEqualTo(after);

        // store 1 returns: it is not in sync, so it leads nothing until its leader adds it to the ISR
        heartbeat(1);
        on(controller::reconcilePartitions);
        assertThat(on(controller::electPreferredLeaders)).isEmpty();
        int preferredOne = 0;
        for (int i = 0; i < 6; i++) {
            PartitionInfo p = controller.metadata().topic("repl").orElseThrow().partitions().get(i);
            List<Integer> withOne = new ArrayList<>(p.isr());
            withOne.add(1);
            AlterPartitionResult added = on(() -> controller.alterPartition(
                    new AlterPartitionRequest(p.leader(), "repl", p.partition(), p.leaderEpoch(), p.partitionEpoch(), withOne)));
            assertThat(added.error()).isEqualTo(ErrorCode.NONE);
            assertThat(added.partition().isr()).as("kept in replica order").containsExactlyElementsOf(p.replicas());
            preferredOne += p.replicas().get(0) == 1 ? 1 : 0;
        }
        List<PartitionChange> rebalanced = on(controller::electPreferredLeaders);
        assertThat(rebalanced).hasSize(preferredOne);
        assertThat(controller.metadata().topic("repl").orElseThrow().partitions())
                .allSatisfy(p -> assertThat(p.leader()).isEqualTo(p.replicas().get(0)));
    }

    @Test
    void aStoreWhoseEventBusNodeLeftIsDeadAtOnceAndItsLeadershipFailsOver() throws Exception {
        heartbeat(2);
        heartbeat(3);
        createReplicated("members", 6, 3, Map.of());
        List<PartitionInfo> before = controller.metadata().topic("members").orElseThrow().partitions();
        // in office for longer than a session timeout, and every store heard from just now
        clock.advance(Duration.ofSeconds(7));
        heartbeat(1);
        heartbeat(2);
        heartbeat(3);

        List<PartitionChange> changes = on(() -> controller.storeNodeLeft("node-1"));

        ClusterMetadata afterLeave = controller.metadata();
        assertThat(afterLeave.stores()).extracting(StoreInfo::brokerId).containsExactly(2, 3);
        assertThat(published.get(published.size() - 1)).isEqualTo(afterLeave);
        assertThat(changes).as("every partition had store 1 in its ISR").hasSize(6);
        List<PartitionInfo> after = afterLeave.topic("members").orElseThrow().partitions();
        for (int i = 0; i < 6; i++) {
            PartitionInfo was = before.get(i);
            PartitionInfo now = after.get(i);
            assertThat(now.isr()).as("partition %d", i).doesNotContain(1);
            if (was.leader() == 1) {
                assertThat(now.leader()).as("partition %d: next in-sync replica in preference order", i)
                        .isEqualTo(was.replicas().stream().filter(id -> id != 1).findFirst().orElseThrow());
                assertThat(now.leaderEpoch()).isEqualTo(was.leaderEpoch() + 1);
            } else {
                assertThat(now.leader()).isEqualTo(was.leader());
            }
        }
        assertThat(before).as("store 1 led something, so leadership failed over").anyMatch(p -> p.leader() == 1);
        assertThat(on(() -> Future.succeededFuture(controller.expireStores()))).as("no session had expired").isEmpty();
        assertThat(on(newController()::start).topic("members").orElseThrow().partitions()).as("persisted").isEqualTo(after);

        // a node nobody runs on, e.g. a gateway's, changes nothing
        long version = controller.metadata().version();
        assertThat(on(() -> controller.storeNodeLeft("gateway-node"))).isEmpty();
        assertThat(controller.metadata().version()).isEqualTo(version);

        // store 1 restarts as a new node and joins again by heartbeat; its old node is no longer its own
        heartbeat(controller, 1, "node-1-restarted");
        assertThat(controller.metadata().stores()).extracting(StoreInfo::brokerId).containsExactly(1, 2, 3);
        assertThat(on(() -> controller.storeNodeLeft("node-1"))).isEmpty();
        assertThat(controller.metadata().stores()).extracting(StoreInfo::brokerId).containsExactly(1, 2, 3);
    }

    @Test
    void aStoreThatRestartedBeforeItsOldNodeWasSeenToLeaveStaysAlive() throws Exception {
        heartbeat(2);
        createReplicated("quick", 2, 2, Map.of());
        clock.advance(Duration.ofSeconds(7));
        heartbeat(2);
        heartbeat(controller, 1, "node-1-restarted");

        assertThat(on(() -> controller.storeNodeLeft("node-1"))).isEmpty();
        assertThat(controller.metadata().stores()).extracting(StoreInfo::brokerId).containsExactly(1, 2);
        assertThat(controller.metadata().topic("quick").orElseThrow().partitions())
                .allSatisfy(p -> assertThat(p.isr()).containsExactlyInAnyOrder(1, 2));
    }

    @Test
    void aNewControllerDropsAStoreWhoseNodeLeftAtOnceButElectsOnlyOnceInOfficeForASessionTimeout() throws Exception {
        heartbeat(2);
        createReplicated("early", 2, 2, Map.of());
        Controller successor = newController();
        on(successor::start);
        heartbeat(successor, 1, "node-1");
        heartbeat(successor, 2, "node-2");
        List<PartitionInfo> before = successor.metadata().topic("early").orElseThrow().partitions();

        assertThat(on(() -> successor.storeNodeLeft("node-1"))).as("store 3, say, may not have been heard from yet").isEmpty();
        assertThat(successor.metadata().stores()).extracting(StoreInfo::brokerId).containsExactly(2);
        assertThat(successor.metadata().topic("early").orElseThrow().partitions()).isEqualTo(before);

        clock.advance(Duration.ofSeconds(7));
        heartbeat(successor, 2, "node-2");
        on(successor::reconcilePartitions);
        assertThat(successor.metadata().topic("early").orElseThrow().partitions()).allSatisfy(p -> {
            assertThat(p.leader()).isEqualTo(2);
            assertThat(p.isr()).containsExactly(2);
        });
    }

    @Test
    void staleOrInvalidIsrChangesAreRefused() throws Exception {
        heartbeat(2);
        createReplicated("isr", 1, 2, Map.of());
        PartitionInfo p = controller.metadata().topic("isr").orElseThrow().partitions().get(0);
        int follower = p.replicas().get(1);

        AlterPartitionResult shrunk = on(() -> controller.alterPartition(
                new AlterPartitionRequest(p.leader(), "isr", 0, p.leaderEpoch(), p.partitionEpoch(), List.of(p.leader()))));
        assertThat(shrunk.error()).isEqualTo(ErrorCode.NONE);
        assertThat(shrunk.partition().partitionEpoch()).isEqualTo(p.partitionEpoch() + 1);

        assertThat(on(() -> controller.alterPartition(new AlterPartitionRequest(p.leader(), "isr", 0, p.leaderEpoch(),
                p.partitionEpoch(), p.replicas()))).error()).as("decided on the old partition epoch").isEqualTo(ErrorCode.INVALID_UPDATE_VERSION);
        assertThat(on(() -> controller.alterPartition(new AlterPartitionRequest(follower, "isr", 0, p.leaderEpoch(),
                p.partitionEpoch() + 1, p.replicas()))).error()).isEqualTo(ErrorCode.NOT_LEADER_OR_FOLLOWER);
        assertThat(on(() -> controller.alterPartition(new AlterPartitionRequest(p.leader(), "isr", 0, p.leaderEpoch() - 1,
                p.partitionEpoch() + 1, p.replicas()))).error()).isEqualTo(ErrorCode.FENCED_LEADER_EPOCH);
        assertThat(on(() -> controller.alterPartition(new AlterPartitionRequest(p.leader(), "isr", 0, p.leaderEpoch(),
                p.partitionEpoch() + 1, List.of(follower)))).error()).as("without the leader").isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(on(() -> controller.alterPartition(new AlterPartitionRequest(p.leader(), "nope", 0, 0, 0, List.of(1)))).error())
                .isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);

        clock.advance(Duration.ofSeconds(7));
        heartbeat(p.leader());
        on(() -> Future.succeededFuture(controller.expireStores()));
        assertThat(on(() -> controller.alterPartition(new AlterPartitionRequest(p.leader(), "isr", 0, p.leaderEpoch(),
                p.partitionEpoch() + 1, p.replicas()))).error()).as("a dead store cannot join").isEqualTo(ErrorCode.INELIGIBLE_REPLICA);
        assertThat(controller.metadata().topic("isr").orElseThrow().partitions().get(0).isr()).containsExactly(p.leader());
    }

    @Test
    void onlyATopicThatAllowsItElectsALeaderOutsideTheIsr() throws Exception {
        heartbeat(2);
        createReplicated("careful", 1, 2, Map.of());
        createReplicated("reckless", 1, 2, Map.of("unclean.leader.election.enable", "true"));
        for (String topic : List.of("careful", "reckless")) {
            PartitionInfo p = controller.metadata().topic(topic).orElseThrow().partitions().get(0);
            assertThat(on(() -> controller.alterPartition(new AlterPartitionRequest(p.leader(), topic, 0, p.leaderEpoch(),
                    p.partitionEpoch(), List.of(p.leader())))).error()).isEqualTo(ErrorCode.NONE);
        }
        int carefulLeader = controller.metadata().topic("careful").orElseThrow().partitions().get(0).leader();
        int recklessLeader = controller.metadata().topic("reckless").orElseThrow().partitions().get(0).leader();

        clock.advance(Duration.ofSeconds(7));
        heartbeat(3 - carefulLeader); // the careful topic's leader dies
        on(() -> Future.succeededFuture(controller.expireStores()));
        on(controller::reconcilePartitions);
        PartitionInfo careful = controller.metadata().topic("careful").orElseThrow().partitions().get(0);
        assertThat(careful.leader()).isEqualTo(-1);
        assertThat(careful.isr()).containsExactly(carefulLeader);
        PartitionInfo reckless = controller.metadata().topic("reckless").orElseThrow().partitions().get(0);
        if (recklessLeader == carefulLeader) {
            assertThat(reckless.leader()).isEqualTo(3 - carefulLeader);
            assertThat(reckless.isr()).containsExactly(3 - carefulLeader);
        } else {
            assertThat(reckless.leader()).isEqualTo(recklessLeader);
        }
    }

    @Test
    void aReassignmentAddsCatchesUpSwitchesLeaderAndDropsAndSurvivesARestart() throws Exception {
        heartbeat(2);
        heartbeat(3);
        createReplicated("moving", 1, 2, Map.of());
        PartitionInfo before = controller.metadata().topic("moving").orElseThrow().partitions().get(0);
        int leaving = before.leader();
        int staying = before.replicas().get(1);
        int added = 6 - leaving - staying;

        AlterReassignmentsResult started = on(() -> controller.alterReassignments(new AlterReassignmentsRequest(List.of(
                new ReassignmentRequest("moving", 0, List.of(added, staying)),
                new ReassignmentRequest("moving", 7, List.of(1)),
                new ReassignmentRequest("absent", 0, List.of(1))))));
        assertThat(started.partitions()).extracting(ReassignmentResult::error)
                .containsExactly(ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        PartitionInfo moving = controller.metadata().topic("moving").orElseThrow().partitions().get(0);
        assertThat(moving.replicas()).containsExactly(added, staying, leaving);
        assertThat(moving.addingReplicas()).containsExactly(added);
        assertThat(moving.removingReplicas()).containsExactly(leaving);
        assertThat(moving.leader()).as("nothing moves before the new replica is in sync").isEqualTo(leaving);
        assertThat(controller.listReassignments(new ListReassignmentsRequest(null)).reassignments())
                .extracting(OngoingReassignment::topic, OngoingReassignment::addingReplicas)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("moving", List.of(added)));
        assertThat(on(this::restartedController).topic("moving").orElseThrow().partitions().get(0))
                .as("persisted").isEqualTo(moving);

        on(() -> controller.alterPartition(new AlterPartitionRequest(leaving, "moving", 0, moving.leaderEpoch(),
                moving.partitionEpoch(), List.of(leaving, staying, added))));
        assertThat(controller.metadata().topic("moving").orElseThrow().partitions().get(0).leader())
                .as("no leader moves before every store had a session timeout to be heard").isEqualTo(leaving);
        clock.advance(Duration.ofSeconds(7));
        for (int store = 1; store <= 3; store++) {
            heartbeat(store);
        }
        on(controller::reconcilePartitions);

        PartitionInfo after = controller.metadata().topic("moving").orElseThrow().partitions().get(0);
        assertThat(after.replicas()).containsExactly(added, staying);
        assertThat(after.isr()).containsExactlyInAnyOrder(added, staying);
        assertThat(after.leader()).as("the leaving leader hands over to the first target replica").isEqualTo(added);
        assertThat(after.leaderEpoch()).isEqualTo(moving.leaderEpoch() + 1);
        assertThat(after.isReassigning()).isFalse();
        assertThat(controller.listReassignments(new ListReassignmentsRequest(null)).reassignments()).isEmpty();
        assertThat(on(() -> controller.alterReassignments(new AlterReassignmentsRequest(List.of(
                new ReassignmentRequest("moving", 0, null))))).partitions().get(0).error())
                .isEqualTo(ErrorCode.NO_REASSIGNMENT_IN_PROGRESS);
        assertThat(on(() -> controller.alterReassignments(new AlterReassignmentsRequest(List.of(
                new ReassignmentRequest("moving", 0, List.of(added, 9)))))).partitions().get(0).error())
                .as("a store that is not alive").isEqualTo(ErrorCode.INVALID_REPLICA_ASSIGNMENT);
    }

    @Test
    void aCancelledReassignmentGoesBackToTheOriginalReplicas() throws Exception {
        heartbeat(2);
        heartbeat(3);
        createReplicated("undo", 1, 2, Map.of());
        PartitionInfo before = controller.metadata().topic("undo").orElseThrow().partitions().get(0);
        int other = 6 - before.replicas().get(0) - before.replicas().get(1);
        on(() -> controller.alterReassignments(new AlterReassignmentsRequest(List.of(
                new ReassignmentRequest("undo", 0, List.of(other, before.replicas().get(1)))))));

        ReassignmentResult cancelled = on(() -> controller.alterReassignments(new AlterReassignmentsRequest(List.of(
                new ReassignmentRequest("undo", 0, null))))).partitions().get(0);

        PartitionInfo after = controller.metadata().topic("undo").orElseThrow().partitions().get(0);
        assertThat(cancelled.error()).isEqualTo(ErrorCode.NONE);
        assertThat(after.replicas()).containsExactlyInAnyOrderElementsOf(before.replicas());
        assertThat(after.leader()).isEqualTo(before.leader());
        assertThat(after.isReassigning()).isFalse();
    }

    @Test
    void theBalancerWaitsForEveryPoolStoreThenSpreadsPartitionsOverThem() throws Exception {
        heartbeat(2);
        heartbeat(3);
        createReplicated("spread", 6, 2, Map.of());
        controller.maxConcurrentMoves(100);
        controller.storePool(java.util.Set.of(1, 2, 3, 4));

        assertThat(on(controller::rebalance)).as("store 4 has not joined").isEmpty();
        assertThat(controller.storePoolStatus().missing()).containsExactly(4);

        heartbeat(4);
        List<PartitionChange> moves = on(controller::rebalance);
        assertThat(moves).isNotEmpty().allSatisfy(c -> assertThat(c.partition().replicas()).hasSizeGreaterThanOrEqualTo(2));
        assertThat(controller.metadata().topic("spread").orElseThrow().partitions())
                .anySatisfy(p -> assertThat(p.addingReplicas()).containsExactly(4));
        assertThat(controller.storePoolStatus().balanced()).isFalse();
        assertThat(on(controller::rebalance)).as("moving partitions are not planned again").isEmpty();
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

    private Future<ClusterMetadata> restartedController() {
        return newController().start();
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

    private void createReplicated(String name, int partitions, int replicationFactor, Map<String, String> configs) throws Exception {
        TopicResult result = on(() -> controller.createTopics(new CreateTopicsRequest(List.of(
                new CreateTopicRequest(name, partitions, (short) replicationFactor, configs)), false))).topics().get(0);
        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
    }

    /** A heartbeat from store {@code brokerId} running as event-bus node {@code node-<brokerId>}. */
    private void heartbeat(int brokerId) throws Exception {
        heartbeat(controller, brokerId, "node-" + brokerId);
    }

    private void heartbeat(Controller to, int brokerId, String nodeId) throws Exception {
        on(() -> Future.succeededFuture(to.heartbeat(new StoreHeartbeat(brokerId, null, "127.0.0.1:" + brokerId, 0, nodeId))));
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
