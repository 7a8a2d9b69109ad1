package dev.runnel.pg;

import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

/** Waits for Vert.x futures in tests (never on an event loop). */
final class PgTestSupport {
    private PgTestSupport() {
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
