package dev.runnel.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Tuple;

import java.util.Set;

/** Creates a service's database on a PostgreSQL server when it is not there yet. */
public final class Databases {
    private static final System.Logger LOG = System.getLogger(Databases.class.getName());
    /** duplicate_database, and unique_violation on pg_database when two CREATE DATABASE race. */
    private static final Set<String> ALREADY_CREATED = Set.of("42P04", "23505");

    private Databases() {
    }

    /**
     * Connects to the server's {@code postgres} database and creates {@code database} if absent. Safe when
     * several services start at once: losing the creation race counts as success.
     *
     * @param database must be a plain identifier (see {@link PgSettings}); it is quoted into the statement
     *                 because CREATE DATABASE takes no parameters
     */
    public static Future<Void> ensureDatabase(Vertx vertx, String serverUrl, String database) {
        // validates the name (the only text that is not a $n parameter) and the URL
        new PgSettings(serverUrl, database);
        return PgConnection.connect(vertx, PgPools.connectOptions(serverUrl).setDatabase("postgres"))
                .compose(connection -> createIfAbsent(connection, database)
                        .eventually(ignored -> connection.close()))
                .recover(error -> Future.failedFuture(new DatabaseSetupException(
                        "Cannot ensure database " + database + " on " + PgSettings.redact(serverUrl) + ": "
                                + error.getMessage(), error)));
    }

    private static Future<Void> createIfAbsent(PgConnection connection, String database) {
        return connection.preparedQuery("SELECT 1 FROM pg_database WHERE datname = $1")
                .execute(Tuple.of(database))
                .compose(rows -> {
                    if (rows.size() > 0) {
                        return Future.succeededFuture();
                    }
                    return connection.query("CREATE DATABASE \"" + database + "\"").execute()
                            .<Void>mapEmpty()
                            .onSuccess(ignored -> LOG.log(System.Logger.Level.INFO, "Created database {0}", database))
                            .recover(error -> error instanceof PgException pg && ALREADY_CREATED.contains(pg.getSqlState())
                                    ? Future.succeededFuture() : Future.failedFuture(error));
                });
    }
}
