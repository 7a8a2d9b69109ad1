package dev.runnel.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.runnel.pg.PgTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigrationsTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    @TempDir
    static Path dir;
    static EmbeddedPg pg;
    static Vertx vertx;
    Pool pool;

    static final List<Migration> MIGRATIONS = List.of(
            Migration.fromResource(1, "create notes", "migrations/test/V1__notes.sql"),
            Migration.fromResource(2, "seed notes", "migrations/test/V2__seed.sql"),
            new Migration(3, "add author", "ALTER TABLE notes ADD COLUMN author text NOT NULL DEFAULT 'runnel'"));

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

    @BeforeEach
    void freshDatabase() throws Exception {
        String database = "migrations_" + DATABASES.incrementAndGet();
        await(Databases.ensureDatabase(vertx, pg.url(), database));
        pool = PgPools.create(vertx, PgSettings.withDatabase(pg.url(), database), 4);
    }

    @AfterEach
    void closePool() throws Exception {
        await(pool.close());
    }

    @Test
    void appliesEachMigrationOnceInVersionOrder() throws Exception {
        await(SchemaMigrations.apply(pool, "notes", MIGRATIONS));
        await(SchemaMigrations.apply(pool, "notes", MIGRATIONS));

        assertThat(appliedVersions("notes")).containsExactly(1, 2, 3);
        // V2 inserts a row: it ran exactly once; V3 ran after V2 (the row got the default author)
        List<String> notes = new ArrayList<>();
        for (Row row : await(pool.query("SELECT text || '/' || author AS note FROM notes").execute())) {
            notes.add(row.getString("note"));
        }
        assertThat(notes).containsExactly("hello/runnel");
    }

    @Test
    void concurrentStartersApplyEachMigrationOnce() throws Exception {
        List<Future<Void>> starters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starters.add(SchemaMigrations.apply(pool, "notes", MIGRATIONS));
        }
        await(Future.all(starters));

        assertThat(appliedVersions("notes")).containsExactly(1, 2, 3);
        assertThat(await(pool.query("SELECT count(*) AS n FROM notes").execute()).iterator().next().getInteger("n")).isEqualTo(1);
    }

    @Test
    void laterVersionsAreAppliedOnTopOfEarlierOnes() throws Exception {
        await(SchemaMigrations.apply(pool, "notes", MIGRATIONS.subList(0, 1)));
        assertThat(appliedVersions("notes")).containsExactly(1);

        await(SchemaMigrations.apply(pool, "notes", MIGRATIONS));

        assertThat(appliedVersions("notes")).containsExactly(1, 2, 3);
    }

    @Test
    void componentsAreVersionedIndependently() throws Exception {
        await(SchemaMigrations.apply(pool, "notes", MIGRATIONS));
        await(SchemaMigrations.apply(pool, "other", List.of(new Migration(1, "other table", "CREATE TABLE other (id int)"))));

        assertThat(appliedVersions("other")).containsExactly(1);
        assertThat(appliedVersions("notes")).containsExactly(1, 2, 3);
    }

    @Test
    void aFailedMigrationLeavesNoTraceAndNamesItsVersion() throws Exception {
        List<Migration> broken = List.of(MIGRATIONS.get(0),
                new Migration(2, "half broken", "INSERT INTO notes (text) VALUES ('partial'); SELECT no_such_column FROM notes"));

        assertThatThrownBy(() -> await(SchemaMigrations.apply(pool, "notes", broken)))
                .hasCauseInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("notes V2 (half broken)");

        assertThat(appliedVersions("notes")).containsExactly(1);
        assertThat(await(pool.query("SELECT count(*) AS n FROM notes").execute()).iterator().next().getInteger("n")).isZero();
    }

    @Test
    void anEditedMigrationIsRefused() throws Exception {
        await(SchemaMigrations.apply(pool, "notes", MIGRATIONS.subList(0, 1)));
        List<Migration> edited = List.of(new Migration(1, "create notes", "CREATE TABLE notes (id int)"));

        assertThatThrownBy(() -> await(SchemaMigrations.apply(pool, "notes", edited)))
                .hasCauseInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("notes V1").hasMessageContaining("checksum");
    }

    @Test
    void migrationsOutOfOrderAreRejectedBeforeTouchingTheDatabase() {
        assertThatThrownBy(() -> SchemaMigrations.apply(pool, "notes", List.of(MIGRATIONS.get(1), MIGRATIONS.get(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("V2 is followed by V1");
    }

    private List<Integer> appliedVersions(String component) throws Exception {
        List<Integer> versions = new ArrayList<>();
        for (Row row : await(pool.preparedQuery("SELECT version FROM schema_migrations WHERE component = $1 ORDER BY applied_at, version")
                .execute(io.vertx.sqlclient.Tuple.of(component)))) {
            versions.add(row.getInteger("version"));
        }
        return versions;
    }
}
