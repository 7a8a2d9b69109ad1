package dev.runnel.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;

/**
 * Versioned schema migrations per component, recorded in
 * {@code schema_migrations(component, version, description, checksum, applied_at)}.
 *
 * <p>Invariants: a component's migrations are applied in increasing version order, each exactly once,
 * each in its own transaction together with its {@code schema_migrations} row — so a failed migration
 * leaves neither its changes nor its row, and the next start retries it. Every transaction first takes
 * a transaction-scoped advisory lock ({@code pg_advisory_xact_lock}), so services (or replicas of one
 * service) starting together on one database apply each migration once, one after the other.
 *
 * <p>A recorded migration whose SQL has since changed (checksum differs) fails the start with
 * {@link DatabaseSetupException}: migrations are append-only; change the schema with a new version.
 *
 * <p>Thread-safety: stateless; {@link #apply} may run concurrently from many processes.
 */
public final class SchemaMigrations {
    private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());
    /** The advisory lock key all Runnel migrations share ("RUNNEL" in ASCII). */
    static final long LOCK_KEY = 0x52554E4E454CL;

    private static final String CREATE_TABLE = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                component   text        NOT NULL,
                version     integer     NOT NULL,
                description text        NOT NULL,
                checksum    text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (component, version)
            )""";

    private SchemaMigrations() {
    }

    /**
     * Applies the migrations of {@code component} that the database has not seen yet, in version order.
     *
     * @param migrations in strictly increasing version order
     * @return fails with {@link DatabaseSetupException} naming the component and version that failed
     */
    public static Future<Void> apply(Pool pool, String component, List<Migration> migrations) {
        checkOrder(component, migrations);
        // CREATE TABLE IF NOT EXISTS is not safe against a concurrent twin: take the lock for it too
        Future<Void> done = pool.withTransaction(connection -> lock(connection)
                .compose(locked -> connection.query(CREATE_TABLE).execute())
                .mapEmpty());
        for (Migration migration : migrations) {
            done = done.compose(previous -> pool.withTransaction(connection -> applyOnce(connection, component, migration)));
        }
        return done.recover(error -> Future.failedFuture(error instanceof DatabaseSetupException
                ? error : new DatabaseSetupException("Schema migration of " + component + " failed: " + error.getMessage(), error)));
    }

    private static Future<Void> applyOnce(SqlConnection connection, String component, Migration migration) {
        return lock(connection)
                .compose(locked -> connection
                        .preparedQuery("SELECT checksum FROM schema_migrations WHERE component = $1 AND version = $2")
                        .execute(Tuple.of(component, migration.version())))
                .compose(rows -> {
                    if (rows.size() > 0) {
                        String recorded = rows.iterator().next().getString("checksum");
                        return recorded.equals(migration.checksum()) ? Future.succeededFuture()
                                : Future.failedFuture(new DatabaseSetupException("Migration " + component + " V"
                                + migration.version() + " (" + migration.description() + ") was applied with checksum "
                                + recorded + " but its SQL now has checksum " + migration.checksum()
                                + ": migrations must not change once released; add a new version"));
                    }
                    return connection.query(migration.sql()).execute()
                            .recover(error -> Future.failedFuture(new DatabaseSetupException("Migration " + component
                                    + " V" + migration.version() + " (" + migration.description() + ") failed: "
                                    + error.getMessage(), error)))
                            .compose(applied -> connection.preparedQuery(
                                            "INSERT INTO schema_migrations (component, version, description, checksum) VALUES ($1, $2, $3, $4)")
                                    .execute(Tuple.of(component, migration.version(), migration.description(), migration.checksum())))
                            .onSuccess(recordedRow -> LOG.log(System.Logger.Level.INFO, "Applied migration {0} V{1}: {2}",
                                    component, migration.version(), migration.description()))
                            .mapEmpty();
                });
    }

    private static Future<Void> lock(SqlConnection connection) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY)).mapEmpty();
    }

    private static void checkOrder(String component, List<Migration> migrations) {
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() <= migrations.get(i - 1).version()) {
                throw new IllegalArgumentException("Migrations of " + component + " must have strictly increasing versions: V"
                        + migrations.get(i - 1).version() + " is followed by V" + migrations.get(i).version());
            }
        }
    }
}
