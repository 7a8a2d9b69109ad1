package dev.runnel.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

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

    /** Connection options from a {@code postgresql://} URL; a malformed one is a {@link PgConfigurationException}. */
    public static PgConnectOptions connectOptions(String url) {
        try {
            return PgConnectOptions.fromUri(url);
        } catch (RuntimeException e) {
            throw new PgConfigurationException("Malformed PostgreSQL URL " + PgSettings.redact(url), e);
        }
    }
}
