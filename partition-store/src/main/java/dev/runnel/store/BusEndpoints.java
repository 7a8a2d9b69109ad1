package dev.runnel.store;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ReplicaFetchRequest;
import dev.runnel.store.core.FetchHandler;
import dev.runnel.store.core.ListOffsetsHandler;
import dev.runnel.store.core.LogErrors;
import dev.runnel.store.core.ProduceHandler;
import dev.runnel.store.core.ReplicaFetchHandler;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The store's event-bus consumers: produce, fetch, list-offsets and replica-fetch at this broker's addresses. Thin:
 * each hands the message to its core handler (which runs off the event loop) and replies on the
 * consumer's own context when the handler's future completes. A handler failure becomes a failed reply
 * (the sender sees a ReplyException with the message), never a silent drop.
 */
final class BusEndpoints {
    private static final Logger LOG = Logger.getLogger(BusEndpoints.class);
    static final int HANDLER_FAILURE = 500;

    private final Vertx vertx;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    BusEndpoints(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Registers the consumers; completes when the cluster knows them. */
    Future<Void> register(int brokerId, ProduceHandler produce, FetchHandler fetch, ListOffsetsHandler listOffsets,
                          ReplicaFetchHandler replicaFetch, StoreMetrics metrics) {
        return Future.all(
                        consume(Addresses.storeProduce(brokerId), metrics.requestTimer("produce"), (ProduceRequest r) -> produce.handle(r)),
                        consume(Addresses.storeFetch(brokerId), metrics.requestTimer("fetch"), (FetchRequest r) -> fetch.handle(r)),
                        consume(Addresses.storeListOffsets(brokerId), metrics.requestTimer("list-offsets"),
                                (ListOffsetsRequest r) -> listOffsets.handle(r)),
                        consume(Addresses.storeReplicaFetch(brokerId), metrics.requestTimer("replica-fetch"),
                                (ReplicaFetchRequest r) -> replicaFetch.handle(r)))
                .mapEmpty();
    }

    Future<Void> unregister() {
        List<Future<Void>> unregistering = consumers.stream().map(c -> c.unregister()).toList();
        consumers.clear();
        return Future.join(unregistering).mapEmpty();
    }

    private <Q, R> Future<Void> consume(String address, Timer latency, Function<Q, CompletableFuture<R>> handler) {
        MessageConsumer<Q> consumer = vertx.eventBus().consumer(address, message -> handle(message, latency, handler));
        consumers.add(consumer);
        Promise<Void> registered = Promise.promise();
        consumer.completionHandler(registered);
        return registered.future();
    }

    private static <Q, R> void handle(Message<Q> message, Timer latency, Function<Q, CompletableFuture<R>> handler) {
        Context context = Vertx.currentContext();
        long start = System.nanoTime();
        CompletableFuture<R> result;
        try {
            result = handler.apply(message.body());
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((reply, failure) -> context.runOnContext(v -> {
            latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            if (failure == null) {
                message.reply(reply);
            } else {
                LOG.errorf(LogErrors.unwrap(failure), "Handling a message at %s failed", message.address());
                message.fail(HANDLER_FAILURE, LogErrors.message(failure));
            }
        }));
    }
}
