package dev.runnel.controller.pg;

import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.controller.core.ControllerSession;
import dev.runnel.pg.EmbeddedPg;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.runnel.controller.pg.PgTestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgMetadataStoreTest {
    @TempDir
    static Path dir;
    static EmbeddedPg pg;
    static Vertx vertx;
    Pool pool;
    PgMetadataStore store;

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
    void freshDatabase() throws Exception {
        pool = PgTestDatabase.migrated(vertx, pg);
        store = new PgMetadataStore(pool);
    }

    @AfterEach
    void closePool() throws Exception {
        await(pool.close());
    }

    @Test
    void clusterIdIsKeptAndTheControllerEpochGrowsWithEverySession() throws Exception {
        ControllerSession first = await(store.startSession("cluster-a"));
        ControllerSession second = await(store.startSession("cluster-b"));

        assertThat(first).isEqualTo(new ControllerSession("cluster-a", 1));
        assertThat(second).isEqualTo(new ControllerSession("cluster-a", 2));
    }

    @Test
    void topicsRoundTripWithPartitionsConfigsAndIds() throws Exception {
        TopicInfo orders = topic("orders", 3, Map.of("retention.ms", "1000", "cleanup.policy", "delete"));
        TopicInfo audit = topic("audit", 1, Map.of());
        await(store.createTopic(orders));
        await(store.createTopic(audit));

        assertThat(await(store.loadTopics())).containsExactly(audit, orders);
    }

    @Test
    void addingPartitionsUpdatingThemAndChangingConfigsPersist() throws Exception {
        TopicInfo topic = topic("grow", 1, Map.of());
        await(store.createTopic(topic));
        PartitionInfo added = new PartitionInfo(1, 2, 0, List.of(2, 1), List.of(2, 1));
        await(store.addPartitions("grow", List.of(added)));
        PartitionInfo newLeader = new PartitionInfo(0, 2, 1, List.of(1, 2), List.of(2));
        await(store.updatePartition("grow", newLeader));
        await(store.updateConfigs("grow", Map.of("flush.ms", "5")));

        TopicInfo loaded = await(store.loadTopics()).get(0);
        assertThat(loaded.partitions()).containsExactly(newLeader, added);
        assertThat(loaded.configs()).containsExactly(Map.entry("flush.ms", "5"));
        assertThat(loaded.id()).isEqualTo(topic.id());
    }

    @Test
    void deleteRemovesTheTopicAndItsPartitionsAndNeedsTheRightId() throws Exception {
        TopicInfo topic = topic("gone", 2, Map.of());
        await(store.createTopic(topic));

        assertThatThrownBy(() -> await(store.deleteTopic("gone", UUID.randomUUID()))).hasMessageContaining("topic gone");
        await(store.deleteTopic("gone", topic.id()));

        assertThat(await(store.loadTopics())).isEmpty();
        assertThat(await(pool.query("SELECT count(*) AS n FROM partitions").execute()).iterator().next().getInteger("n")).isZero();
        // the same name can be created again (with a new id)
        await(store.createTopic(topic("gone", 1, Map.of())));
    }

    @Test
    void aDuplicateTopicIsRefusedAndLeavesNoPartitions() throws Exception {
        await(store.createTopic(topic("dup", 1, Map.of())));

        assertThatThrownBy(() -> await(store.createTopic(topic("dup", 3, Map.of()))));

        assertThat(await(store.loadTopics())).singleElement().satisfies(t -> assertThat(t.partitions()).hasSize(1));
    }

    @Test
    void producerIdsAreUniqueAndIncreasing() throws Exception {
        long first = await(store.nextProducerId());
        long second = await(store.nextProducerId());

        assertThat(second).isGreaterThan(first);
        assertThat(first).isNotNegative();
    }

    static TopicInfo topic(String name, int partitions, Map<String, String> configs) {
        List<PartitionInfo> parts = new java.util.ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            parts.add(new PartitionInfo(p, p % 2, 0, List.of(p % 2), List.of(p % 2)));
        }
        return new TopicInfo(name, UUID.randomUUID(), new java.util.TreeMap<>(configs), List.copyOf(parts));
    }
}
