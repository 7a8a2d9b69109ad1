package dev.runnel.wire;

import dev.runnel.wire.api.ApiRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import org.jboss.logging.Logger;

/**
 * The gateway's Kafka listener: a Vert.x {@link NetServer} speaking the Kafka protocol, answering every
 * API through an {@link ApiRegistry} whose handlers call a {@link KafkaBackend}.
 *
 * <p>Lifecycle: {@link #start()} binds and completes with this server; {@link #close()} stops accepting
 * and closes open connections. Start and close from a Vert.x context or any thread; the instance is
 * otherwise immutable. Connections are spread over the Vert.x event loops of the calling context.
 */
public final class KafkaServer {
    private static final Logger LOG = Logger.getLogger(KafkaServer.class);

    private final Vertx vertx;
    private final WireSettings settings;
    private final RequestDispatcher dispatcher;
    private final WireObserver observer;
    private NetServer server;

    /** A server answering the standard API set without a group coordinator (group APIs: COORDINATOR_NOT_AVAILABLE). */
    public KafkaServer(Vertx vertx, KafkaBackend backend, GatewayIdentity identity, WireSettings settings) {
        this(vertx, backend, GroupBackend.unavailable(), identity, settings);
    }

    /** A server answering the standard API set ({@link ApiRegistry#standard}), consumer groups included. */
    public KafkaServer(Vertx vertx, KafkaBackend backend, GroupBackend groups, GatewayIdentity identity,
                       WireSettings settings) {
        this(vertx, ApiRegistry.standard(backend, groups, identity, settings), settings);
    }

    /** The standard API set, consumer groups included, reporting its work to {@code observer}. */
    public KafkaServer(Vertx vertx, KafkaBackend backend, GroupBackend groups, GatewayIdentity identity,
                       WireSettings settings, WireObserver observer) {
        this(vertx, ApiRegistry.standard(backend, groups, identity, settings), settings, observer);
    }

    /** A server answering what {@code registry} holds; register extra APIs before {@link #start()}. */
    public KafkaServer(Vertx vertx, ApiRegistry registry, WireSettings settings) {
        this(vertx, registry, settings, WireObserver.NONE);
    }

    /** A server answering what {@code registry} holds and reporting requests and connections to {@code observer}. */
    public KafkaServer(Vertx vertx, ApiRegistry registry, WireSettings settings, WireObserver observer) {
        this.vertx = vertx;
        this.settings = settings;
        this.observer = observer;
        this.dispatcher = new RequestDispatcher(vertx, registry, settings, observer);
    }

    public synchronized Future<KafkaServer> start() {
        if (server != null) {
            return Future.failedFuture(new IllegalStateException("Kafka listener already started on port " + actualPort()));
        }
        NetServerOptions options = new NetServerOptions().setHost(settings.host()).setPort(settings.port())
                .setTcpNoDelay(true);
        server = vertx.createNetServer(options).connectHandler(socket ->
                new KafkaConnection(socket, vertx.getOrCreateContext(), dispatcher, settings, observer).start());
        return server.listen().map(s -> {
            LOG.infof("Kafka listener on %s:%d", settings.host(), s.actualPort());
            return this;
        });
    }

    /** The bound port (useful with port 0); -1 before {@link #start()} completes. */
    public synchronized int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    public synchronized Future<Void> close() {
        if (server == null) {
            return Future.succeededFuture();
        }
        NetServer closing = server;
        server = null;
        return closing.close();
    }
}
