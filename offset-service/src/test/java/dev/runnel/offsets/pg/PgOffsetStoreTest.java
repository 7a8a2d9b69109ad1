package dev.runnel.offsets.pg;

import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.pg.Databases;
import dev.runnel.pg.EmbeddedPg;
import dev.runnel.pg.PgPools;
import dev.runnel.pg.PgSettings;
import dev.runnel.pg.SchemaMigrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offset table on a real PostgreSQL: upserts, reads, deletes, survival across pools, failure when down. */
class PgOffsetStoreTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant T1 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T2 = Instant.parse("2026-01-02T03:05:00Z");

    @TempDir
    static Path dir;
    static EmbeddedPg pg;
    static Vertx vertx;

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

    private static String migratedDatabase() throws Exception {
        String database = "offsets_test_" + DATABASES.incrementAndGet();
        await(Databases.ensureDatabase(vertx, pg.url(), database));
        Pool pool = PgPools.create(vertx, PgSettings.withDatabase(pg.url(), database), 2);
        try {
            await(SchemaMigrations.apply(pool, PgOffsetStore.COMPONENT, PgOffsetStore.MIGRATIONS));
            // a second start applies nothing and does not fail
            await(SchemaMigrations.apply(pool, PgOffsetStore.COMPONENT, PgOffsetStore.MIGRATIONS));
        } finally {
            await(pool.close());
        }
        return database;
    }

    private static Pool pool(String database) {
        return PgPools.create(vertx, PgSettings.withDatabase(pg.url(), database), 2);
    }

    @Test
    void commitsUpsertAndSurviveANewPoolAsARestartedServiceWouldOpen() throws Exception {
        String database = migratedDatabase();
        Pool first = pool(database);
        PgOffsetStore store = new PgOffsetStore(first);
        await(store.commit("g", List.of(new OffsetToCommit("orders", 0, 10, 2, "meta"),
                new OffsetToCommit("orders", 1, 20, -1, "")), T1));
        await(store.commit("g", List.of(new OffsetToCommit("orders", 0, 15, 3, "")), T2));
        await(store.commit("other", List.of(new OffsetToCommit("audit", 0, 1, -1, "")), T2));
        await(first.close());

        Pool second = pool(database);
        try {
            PgOffsetStore reopened = new PgOffsetStore(second);
            assertThat(await(reopened.committed("g"))).containsExactly(
                    new CommittedOffset("orders", 0, 15, 3, "", T2.toEpochMilli()),
                    new CommittedOffset("orders", 1, 20, -1, "", T1.toEpochMilli()));
            assertThat(await(reopened.groupsWithOffsets())).containsExactlyInAnyOrder("g", "other");
            assertThat(await(reopened.committed("nobody"))).isEmpty();
        } finally {
            await(second.close());
        }
    }

    @Test
    void offsetsAndGroupsCanBeDeleted() throws Exception {
        Pool pool = pool(migratedDatabase());
        try {
            PgOffsetStore store = new PgOffsetStore(pool);
            await(store.commit("g", List.of(new OffsetToCommit("orders", 0, 1, -1, ""),
                    new OffsetToCommit("orders", 1, 2, -1, ""), new OffsetToCommit("audit", 0, 3, -1, "")), T1));
            await(store.delete("g", List.of(new TopicPartitionRef("orders", 1), new TopicPartitionRef("missing", 0))));
            assertThat(await(store.committed("g"))).extracting(c -> c.topic() + "-" + c.partition())
                    .containsExactly("audit-0", "orders-0");
            assertThat(await(store.deleteGroup("g"))).isEqualTo(2);
            assertThat(await(store.groupsWithOffsets())).isEmpty();
        } finally {
            await(pool.close());
        }
    }

    @Test
    void aCommitToAnUnreachableDatabaseFailsInsteadOfBeingDropped() throws Exception {
        Pool unreachable = PgPools.create(vertx, "postgresql://postgres@127.0.0.1:1/none", 1);
        try {
            PgOffsetStore store = new PgOffsetStore(unreachable);
            assertThatThrownBy(() -> await(store.commit("g", List.of(new OffsetToCommit("orders", 0, 1, -1, "")), T1)))
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
            assertThatThrownBy(() -> await(store.ping())).isNotNull();
        } finally {
            await(unreachable.close());
        }
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
