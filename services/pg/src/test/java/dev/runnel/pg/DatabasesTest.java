package dev.runnel.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.runnel.pg.PgTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

class DatabasesTest {
    @TempDir
    static Path dir;
    static EmbeddedPg pg;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        pg = EmbeddedPg.start(dir.resolve("pg"));
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        await(vertx.close());
        pg.close();
    }

    @Test
    void ensureDatabaseCreatesOnceAndIsIdempotent() throws Exception {
        await(Databases.ensureDatabase(vertx, pg.url(), "first"));
        await(Databases.ensureDatabase(vertx, pg.url(), "first"));

        assertThat(databasesNamed("first")).isEqualTo(1);
        // the service's own URL now reaches the new database
        Pool pool = PgPools.create(vertx, PgSettings.withDatabase(pg.url(), "first"), 1);
        try {
            Row row = await(pool.query("SELECT current_database() AS db").execute()).iterator().next();
            assertThat(row.getString("db")).isEqualTo("first");
        } finally {
            await(pool.close());
        }
    }

    @Test
    void servicesRacingToCreateTheSameDatabaseAllSucceed() throws Exception {
        List<Future<Void>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(Databases.ensureDatabase(vertx, pg.url(), "raced"));
        }
        await(Future.all(racers));

        assertThat(databasesNamed("raced")).isEqualTo(1);
    }

    @Test
    void anUnreachableServerFailsNamingTheDatabase() {
        Future<Void> result = Databases.ensureDatabase(vertx, "postgresql://postgres@127.0.0.1:1/postgres", "runnel");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> await(result))
                .hasCauseInstanceOf(DatabaseSetupException.class).hasMessageContaining("runnel");
    }

    private static int databasesNamed(String name) throws Exception {
        Pool pool = PgPools.create(vertx, pg.url(), 1);
        try {
            return await(pool.preparedQuery("SELECT count(*) AS n FROM pg_database WHERE datname = $1")
                    .execute(Tuple.of(name))).iterator().next().getInteger("n");
        } finally {
            await(pool.close());
        }
    }
}
