package dev.runnel.bus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A service's request/reply endpoints on the clustered bus: each address gets a handler returning a
 * future, whose result is the reply; a failed future (or a handler that throws) becomes a failure reply
 * with code 500 and the cause's message, logged once here. Handlers run on the registering verticle's
 * context, in arrival order per sender.
 */
public final class RequestConsumers {
    private static final System.Logger LOG = System.getLogger(RequestConsumers.class.getName());
    public static final int HANDLER_FAILURE = 500;

    private final EventBus bus;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    public RequestConsumers(EventBus bus) {
        this.bus = bus;
    }

    public <T, R> RequestConsumers on(String address, Function<T, Future<R>> handler) {
        consumers.add(bus.<T>consumer(address, (Message<T> message) -> {
            Future<R> answer;
            try {
                answer = handler.apply(message.body());
            } catch (RuntimeException e) {
                answer = Future.failedFuture(e);
            }
            answer.onComplete(ar -> {
                if (ar.succeeded()) {
                    message.reply(ar.result());
                } else {
                    LOG.log(System.Logger.Level.ERROR, "Request on " + address + " failed", ar.cause());
                    message.fail(HANDLER_FAILURE, String.valueOf(ar.cause().getMessage()));
                }
            });
        }));
        return this;
    }

    /**
     * Completes once every consumer is registered cluster-wide. Registration is asynchronous: a request
     * sent before it completes gets NO_HANDLERS, so readiness waits for this.
     */
    public Future<Void> registered() {
        return Future.all(consumers.stream().map(RequestConsumers::registered).toList()).mapEmpty();
    }

    public Future<Void> unregisterAll() {
        return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
    }

    private static Future<Void> registered(MessageConsumer<?> consumer) {
        Promise<Void> done = Promise.promise();
        consumer.completionHandler(done);
        return done.future();
    }
}
