package dev.runnel.wire.api;

import io.vertx.core.Future;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.requests.AbstractRequest;

/**
 * Answers one Kafka API. Called on the connection's event loop with a parsed request; returns the
 * response body (the generated {@code *ResponseData}) for the request's version. It must not block:
 * anything slow goes through the {@code KafkaBackend}, whose futures may complete on another context.
 *
 * <p>A failed future is answered with the request's own error response (UNKNOWN_SERVER_ERROR, or the
 * Kafka error of an {@code ApiException}); the connection stays open. Adding an API is one class
 * implementing this plus one {@link ApiRegistry#register} call.
 *
 * @param <Q> the request class kafka-clients parses this API into
 */
@FunctionalInterface
public interface ApiHandler<Q extends AbstractRequest> {

    Future<ApiMessage> handle(RequestContext context, Q request);
}
