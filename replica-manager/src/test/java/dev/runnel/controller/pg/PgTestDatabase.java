package dev.runnel.controller.pg;

import dev.runnel.pg.Databases;
import dev.runnel.pg.EmbeddedPg;
import dev.runnel.pg.PgPools;
import dev.runnel.pg.PgSettings;
import dev.runnel.pg.SchemaMigrations;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh, migrated replica-manager databases on one embedded PostgreSQL, for tests. */
public final class PgTestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private PgTestDatabase() {
    }

    /** A new database with the replica-manager schema, and a pool on it (the caller closes the pool). */
    public static Pool migrated(Vertx vertx, EmbeddedPg pg) throws Exception {
        String database = "rm_test_" + COUNTER.incrementAndGet();
        await(Databases.ensureDatabase(vertx, pg.url(), database));
        Pool pool = PgPools.create(vertx, PgSettings.withDatabase(pg.url(), database), 2);
        await(SchemaMigrations.apply(pool, PgMetadataStore.COMPONENT, PgMetadataStore.MIGRATIONS));
        return pool;
    }

    public static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
