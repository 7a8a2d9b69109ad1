package dev.runnel.controller;

import dev.runnel.pg.Databases;
import dev.runnel.pg.PgPools;
import dev.runnel.pg.PgSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Which replica-manager is active: the one holding a PostgreSQL advisory lock on a dedicated connection.
 * The others stand by and try again every {@code retryMs}. PostgreSQL releases the lock when the
 * holder's session ends — its process died or its connection broke — so a standby takes over within
 * about {@code retryMs}. The holder pings its connection every {@code retryMs} and gives up (calls
 * {@code onLost}) as soon as the ping or the connection fails, so it stops acting before, or about when,
 * another can take over; the new controller's higher controller epoch makes its metadata versions
 * outrank everything the old one published.
 *
 * <p>Threading: everything runs on the Vert.x context that called {@link #start}.
 */
final class ControllerLease {
    private static final Logger LOG = Logger.getLogger(ControllerLease.class);
    /**
     * The advisory lock key: "RNLCTL" in ASCII. Only replica-managers take it; it must differ from the
     * schema-migration lock ("RUNNEL"), which the active controller takes while it holds this one.
     */
    static final long LOCK_KEY = 0x524E4C43544CL;

    private final Vertx vertx;
    private final PgSettings pg;
    private final long retryMs;
    private final Runnable onAcquired;
    private final Runnable onLost;
    private Optional<PgConnection> held = Optional.empty();
    private long pingTimer = -1;
    private boolean stopped;
    private boolean waitingLogged;

    ControllerLease(Vertx vertx, PgSettings pg, long retryMs, Runnable onAcquired, Runnable onLost) {
        this.vertx = vertx;
        this.pg = pg;
        this.retryMs = retryMs;
        this.onAcquired = onAcquired;
        this.onLost = onLost;
    }

    void start() {
        tryAcquire();
    }

    boolean isHeld() {
        return held.isPresent();
    }

    void stop() {
        stopped = true;
        cancelPing();
        held.ifPresent(PgConnection::close);
        held = Optional.empty();
    }

    private void tryAcquire() {
        if (stopped) {
            return;
        }
        Databases.ensureDatabase(vertx, pg.serverUrl(), pg.database())
                .compose(ready -> PgConnection.connect(vertx, PgPools.connectOptions(pg.databaseUrl())))
                .compose(connection -> connection.preparedQuery("SELECT pg_try_advisory_lock($1) AS locked")
                        .execute(Tuple.of(LOCK_KEY))
                        .compose(rows -> {
                            if (rows.iterator().next().getBoolean("locked")) {
                                return Future.succeededFuture(Optional.of(connection));
                            }
                            return connection.close().map(closed -> Optional.<PgConnection>empty());
                        }, error -> connection.close().transform(closed -> Future.failedFuture(error))))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result().isPresent()) {
                        acquired(ar.result().get());
                    } else {
                        if (ar.failed()) {
                            LOG.warnf("Cannot reach PostgreSQL %s for the controller lease (%s); retrying in %d ms", pg,
                                    ar.cause().getMessage(), retryMs);
                        } else if (!waitingLogged) {
                            LOG.info("Another replica-manager is active; standing by");
                            waitingLogged = true;
                        }
                        vertx.setTimer(retryMs, t -> tryAcquire());
                    }
                });
    }

    private void acquired(PgConnection connection) {
        if (stopped) {
            connection.close();
            return;
        }
        held = Optional.of(connection);
        waitingLogged = false;
        connection.closeHandler(v -> lost("the lease connection closed"));
        connection.exceptionHandler(e -> lost("the lease connection failed: " + e.getMessage()));
        pingTimer = vertx.setPeriodic(retryMs, t -> connection.query("SELECT 1").execute()
                .onFailure(e -> lost("the lease connection does not answer: " + e.getMessage())));
        LOG.info("Holding the controller lease: this replica-manager is active");
        onAcquired.run();
    }

    private void lost(String why) {
        if (held.isEmpty() || stopped) {
            return;
        }
        PgConnection connection = held.get();
        held = Optional.empty();
        cancelPing();
        connection.close();
        LOG.warnf("Lost the controller lease (%s): standing by", why);
        onLost.run();
        vertx.setTimer(retryMs, t -> tryAcquire());
    }

    private void cancelPing() {
        if (pingTimer >= 0) {
            vertx.cancelTimer(pingTimer);
            pingTimer = -1;
        }
    }
}
