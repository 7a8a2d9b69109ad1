package dev.runnel.wire.api;

import dev.runnel.wire.GatewayIdentity;
import io.vertx.core.Future;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.FindCoordinatorResponseData.Coordinator;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * FindCoordinator: this gateway coordinates every group (it relays to the offset-service), so clients never
 * learn the internal topology. v4+ batches keys. Runnel has no transactions: a transaction key answers
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which a transactional producer treats as fatal rather than retrying.
 */
final class FindCoordinatorHandler implements ApiHandler<FindCoordinatorRequest> {
    private static final byte GROUP = 0;

    private final GatewayIdentity identity;

    FindCoordinatorHandler(GatewayIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, FindCoordinatorRequest request) {
        byte keyType = request.data().keyType();
        Errors error = keyType == GROUP ? Errors.NONE
                : keyType == 1 ? Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED : Errors.INVALID_REQUEST;
        FindCoordinatorResponseData response = new FindCoordinatorResponseData();
        if (context.apiVersion() < 4) {
            return Future.succeededFuture(fill(response, error));
        }
        List<Coordinator> coordinators = new ArrayList<>();
        for (String key : request.data().coordinatorKeys()) {
            Coordinator c = new Coordinator().setKey(key).setErrorCode(error.code());
            if (error == Errors.NONE) {
                c.setNodeId(identity.nodeId()).setHost(identity.host()).setPort(identity.port());
            } else {
                c.setNodeId(-1).setHost("").setPort(-1).setErrorMessage(error.message());
            }
            coordinators.add(c);
        }
        return Future.succeededFuture(response.setCoordinators(coordinators));
    }

    private FindCoordinatorResponseData fill(FindCoordinatorResponseData response, Errors error) {
        response.setErrorCode(error.code());
        return error == Errors.NONE
                ? response.setNodeId(identity.nodeId()).setHost(identity.host()).setPort(identity.port())
                : response.setNodeId(-1).setHost("").setPort(-1).setErrorMessage(error.message());
    }
}
