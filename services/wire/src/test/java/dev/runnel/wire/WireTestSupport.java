package dev.runnel.wire;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/** Starting a server on a free local port, and waiting for Vert.x futures in tests. */
final class WireTestSupport {
    private WireTestSupport() {
    }

    static final int NODE_ID = 1;

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("future did not complete", e);
        }
    }

    record Running(Vertx vertx, InMemoryBackend backend, KafkaServer server, int port) implements AutoCloseable {
        String bootstrap() {
            return "127.0.0.1:" + port;
        }

        @Override
        public void close() {
            await(server.close());
            await(vertx.close());
        }
    }

    static Running start(java.util.function.UnaryOperator<WireSettings> tweak) {
        Vertx vertx = Vertx.vertx();
        InMemoryBackend backend = new InMemoryBackend(vertx);
        int port = freePort();
        WireSettings settings = tweak.apply(WireSettings.defaults("runnel-test-cluster").withListener("127.0.0.1", port));
        KafkaServer server = new KafkaServer(vertx, backend, new GatewayIdentity(NODE_ID, "127.0.0.1", port), settings);
        await(server.start());
        return new Running(vertx, backend, server, port);
    }
}
