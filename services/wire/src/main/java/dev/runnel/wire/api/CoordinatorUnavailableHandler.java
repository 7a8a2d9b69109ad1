package dev.runnel.wire.api;

import io.vertx.core.Future;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;

/**
 * For group APIs Runnel does not implement (KIP-848's ConsumerGroupHeartbeat/Describe): answers each with
 * that API's own error response carrying COORDINATOR_NOT_AVAILABLE, so a client that sends one anyway gets
 * an error instead of silence. These APIs are not advertised, so clients use the classic protocol.
 */
final class CoordinatorUnavailableHandler implements ApiHandler<AbstractRequest> {

    @Override
    public Future<ApiMessage> handle(RequestContext context, AbstractRequest request) {
        return Future.succeededFuture(request.getErrorResponse(0, Errors.COORDINATOR_NOT_AVAILABLE.exception()).data());
    }
}
