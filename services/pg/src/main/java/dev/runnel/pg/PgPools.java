package dev.runnel.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.List;

/** Connection pools over vertx-pg-client. The caller owns the pool and closes it. */
public final class PgPools {
    private PgPools() {
    }

    /** A pool of at most {@code maxSize} connections to the database {@code url} names. */
    public static Pool create(Vertx vertx, String url, int maxSize) {
        return PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(maxSize))
                .connectingTo(connectOptions(url))
                .using(vertx)
                .build();
    }

    /**
     * A service's start-up: creates its database if absent, opens a pool of at most {@code maxSize}
     * connections on it and applies {@code component}'s schema migrations. If a step fails, the pool is
     * closed and the future fails with the cause.
     */
    public static Future<Pool> openMigrated(Vertx vertx, PgSettings settings, int maxSize, String component,
                                            List<Migration> migrations) {
        return Databases.ensureDatabase(vertx, settings.serverUrl(), settings.database()).compose(created -> {
            Pool pool = create(vertx, settings.databaseUrl(), maxSize);
            return SchemaMigrations.apply(pool, component, migrations)
                    .map(migrated -> pool)
                    .recover(error -> pool.close().transform(closed -> Future.failedFuture(error)));
        });
    }

    /** Connection options from a {@code postgresql://} URL; a malformed one is a {@link PgConfigurationException}. */
    public static PgConnectOptions connectOptions(String url) {
        try {
            return PgConnectOptions.fromUri(url);
        } catch (RuntimeException e) {
            throw new PgConfigurationException("Malformed PostgreSQL URL " + PgSettings.redact(url), e);
        }
    }
}
