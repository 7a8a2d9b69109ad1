package dev.runnel.wire.api;

import io.vertx.core.Future;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.ApiVersionsRequest;

/**
 * Lists the advertised APIs of the {@link ApiRegistry}. No features are finalized: Runnel has no
 * transactions or share groups, so clients fall back to their plain behaviour.
 */
final class ApiVersionsHandler implements ApiHandler<ApiVersionsRequest> {
    private final ApiRegistry registry;

    ApiVersionsHandler(ApiRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, ApiVersionsRequest request) {
        return Future.succeededFuture(registry.apiVersionsResponse(Errors.NONE));
    }
}
