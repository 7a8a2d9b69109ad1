package dev.runnel.wire;

import dev.runnel.wire.api.ApiRegistry;
import dev.runnel.wire.api.RequestContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.RequestHeader;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;

/**
 * Turns one request frame into what the connection must do: answer (eventually), stay silent
 * (acks=0 produce), or close.
 *
 * <p>Error paths, each explicit: an unknown API key or a version kafka-clients cannot parse → close
 * (Kafka does the same; the client reconnects and renegotiates); ApiVersions in a version too new →
 * UNSUPPORTED_VERSION with our list, serialised as v0 (what clients expect); a parsed request we do
 * not serve, or serve in other versions → that API's own error response with UNSUPPORTED_VERSION; a
 * failed handler future → the API's error response (UNKNOWN_SERVER_ERROR unless the failure is a Kafka
 * {@link ApiException}); no answer within the request's own wait plus
 * {@link WireSettings#requestTimeout()} → REQUEST_TIMED_OUT. Thread-safe: holds no per-request state.
 */
final class RequestDispatcher {
    private static final Logger LOG = Logger.getLogger(RequestDispatcher.class);

    /** What the connection does with one request. */
    sealed interface Outcome {
        /** Write {@code body} (when it completes) as the answer, in request order. */
        record Respond(ApiKeys apiKey, short version, int correlationId, Future<ApiMessage> body) implements Outcome {
        }

        /** No answer is sent (acks=0 produce); {@code done} completes when the backend is finished. */
        record Silent(Future<?> done) implements Outcome {
        }

        /** The frame makes no sense: log {@code reason} and close the connection. */
        record Close(String reason) implements Outcome {
        }
    }

    private final Vertx vertx;
    private final ApiRegistry registry;
    private final WireSettings settings;
    private final WireObserver observer;

    RequestDispatcher(Vertx vertx, ApiRegistry registry, WireSettings settings) {
        this(vertx, registry, settings, WireObserver.NONE);
    }

    RequestDispatcher(Vertx vertx, ApiRegistry registry, WireSettings settings, WireObserver observer) {
        this.vertx = vertx;
        this.registry = registry;
        this.settings = settings;
        this.observer = observer;
    }

    Outcome dispatch(ByteBuffer frame, String remoteAddress) {
        if (frame.remaining() < 8) {
            return new Outcome.Close("request of " + frame.remaining() + " bytes is too short for a header");
        }
        short apiKeyId = frame.getShort(frame.position());
        short version = frame.getShort(frame.position() + 2);
        if (!ApiKeys.hasId(apiKeyId)) {
            return new Outcome.Close("unknown API key " + apiKeyId);
        }
        RequestHeader header;
        try {
            header = RequestHeader.parse(frame);
        } catch (RuntimeException e) {
            return new Outcome.Close("unreadable header for API key " + apiKeyId + " v" + version + ": " + e);
        }
        ApiKeys apiKey = header.apiKey();
        if (apiKey == ApiKeys.API_VERSIONS && !registry.lookup(apiKey).map(r -> r.supports(version)).orElse(false)) {
            ApiMessage body = registry.apiVersionsResponse(Errors.UNSUPPORTED_VERSION);
            return new Outcome.Respond(apiKey, (short) 0, header.correlationId(), Future.succeededFuture(body));
        }
        AbstractRequest request;
        try {
            request = AbstractRequest.parseRequest(apiKey, version, new ByteBufferAccessor(frame)).request;
        } catch (RuntimeException e) {
            return new Outcome.Close("cannot parse " + apiKey + " v" + version + ": " + e);
        }
        RequestContext context = new RequestContext(header, remoteAddress);
        var registration = registry.lookup(apiKey);
        if (registration.isEmpty() || !registration.get().supports(version)) {
            LOG.debugf("%s v%d from %s (%s) is not served: answering UNSUPPORTED_VERSION", apiKey, version,
                    remoteAddress, header.clientId());
            return errorResponse(header, request, Errors.UNSUPPORTED_VERSION.exception());
        }
        long startNanos = System.nanoTime();
        Future<ApiMessage> handled = invoke(registration.get(), context, request);
        Future<ApiMessage> body = withTimeout(request, handled, remoteAddress);
        observe(request, version, startNanos, handled, body);
        if (request instanceof ProduceRequest produce && produce.acks() == 0) {
            return new Outcome.Silent(body);
        }
        return new Outcome.Respond(apiKey, version, header.correlationId(), body);
    }

    /** Reports the answer; {@code handled} not complete when the answer is, means it timed out. */
    private void observe(AbstractRequest request, short version, long startNanos, Future<ApiMessage> handled,
                         Future<ApiMessage> body) {
        body.onComplete(ar -> {
            long latencyNanos = System.nanoTime() - startNanos;
            boolean failed = !handled.isComplete() || handled.failed();
            observer.requestCompleted(request.apiKey().name, version, latencyNanos, failed);
            if (request instanceof ProduceRequest produce) {
                observer.produceCompleted(produce.acks(), latencyNanos);
            }
        });
    }

    private static <Q extends AbstractRequest> Future<ApiMessage> invoke(ApiRegistry.Registration<Q> registration,
                                                                         RequestContext context, AbstractRequest request) {
        try {
            return registration.handler().handle(context, registration.requestType().cast(request));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<ApiMessage> withTimeout(AbstractRequest request, Future<ApiMessage> body, String remoteAddress) {
        Promise<ApiMessage> answer = Promise.promise();
        long deadlineMs = settings.requestTimeout().toMillis() + ownWaitMs(request);
        long timer = vertx.setTimer(deadlineMs, id -> {
            if (answer.tryComplete(errorBody(request, Errors.REQUEST_TIMED_OUT.exception()))) {
                LOG.warnf("%s from %s got no answer from the backend within %d ms: answering REQUEST_TIMED_OUT",
                        request.apiKey(), remoteAddress, deadlineMs);
            }
        });
        body.onComplete(ar -> {
            vertx.cancelTimer(timer);
            if (ar.succeeded()) {
                answer.tryComplete(ar.result());
            } else {
                Throwable cause = ar.cause();
                if (cause instanceof ApiException) {
                    LOG.debugf("%s from %s failed: %s", request.apiKey(), remoteAddress, cause);
                } else {
                    LOG.warnf(cause, "%s from %s failed in the backend: answering UNKNOWN_SERVER_ERROR",
                            request.apiKey(), remoteAddress);
                }
                answer.tryComplete(errorBody(request, cause));
            }
        });
        return answer.future();
    }

    /** The time the request itself allows the server to wait, on top of which the grace applies. */
    private static long ownWaitMs(AbstractRequest request) {
        if (request instanceof FetchRequest fetch) {
            return Math.max(0, fetch.maxWait());
        }
        if (request instanceof ProduceRequest produce) {
            return Math.max(0, produce.timeout());
        }
        return 0;
    }

    private static Outcome errorResponse(RequestHeader header, AbstractRequest request, Throwable error) {
        try {
            return new Outcome.Respond(header.apiKey(), header.apiVersion(), header.correlationId(),
                    Future.succeededFuture(request.getErrorResponse(0, error).data()));
        } catch (RuntimeException e) {
            return new Outcome.Close(header.apiKey() + " v" + header.apiVersion() + " has no error response: " + e);
        }
    }

    private static ApiMessage errorBody(AbstractRequest request, Throwable error) {
        return request.getErrorResponse(0, error).data();
    }
}
