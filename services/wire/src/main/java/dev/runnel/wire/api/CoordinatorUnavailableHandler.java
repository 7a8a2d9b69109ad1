package dev.runnel.wire.api;

import io.vertx.core.Future;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;

/**
 * Placeholder for the consumer-group and offset APIs until the offset-service is wired in: answers
 * each with that API's own error response carrying COORDINATOR_NOT_AVAILABLE, so a client that sends
 * one anyway gets a retriable error instead of silence. Replace it with
 * {@link ApiRegistry#register} per API (and advertise the API then).
 */
final class CoordinatorUnavailableHandler implements ApiHandler<AbstractRequest> {

    @Override
    public Future<ApiMessage> handle(RequestContext context, AbstractRequest request) {
        return Future.succeededFuture(request.getErrorResponse(0, Errors.COORDINATOR_NOT_AVAILABLE.exception()).data());
    }
}
