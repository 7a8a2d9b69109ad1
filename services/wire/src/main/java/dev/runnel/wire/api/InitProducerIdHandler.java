package dev.runnel.wire.api;

import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.InitProducerIdRequest;

/**
 * InitProducerId for idempotent producers: the backend allocates a producer id and epoch. A re-init
 * with an existing id (KIP-360) simply gets a fresh id, which is safe: sequences start over.
 *
 * <p>Runnel has no transactions. A transactional id (or a two-phase-commit request) answers
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED, which the Java producer surfaces as a fatal
 * {@code TransactionalIdAuthorizationException} from {@code initTransactions()} — a clear "no" rather
 * than a retry loop. (A transactional producer normally fails even earlier: FindCoordinator answers a
 * transaction key with the same error.)
 */
final class InitProducerIdHandler implements ApiHandler<InitProducerIdRequest> {
    private final KafkaBackend backend;

    InitProducerIdHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, InitProducerIdRequest request) {
        if (request.data().transactionalId() != null || request.data().enable2Pc()) {
            return Future.succeededFuture(new InitProducerIdResponseData()
                    .setErrorCode(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code())
                    .setProducerId(-1).setProducerEpoch((short) -1));
        }
        return backend.initProducerId(new dev.runnel.bus.control.InitProducerIdRequest(null)).map(result ->
                new InitProducerIdResponseData()
                        .setErrorCode(KafkaErrors.code(result.error()))
                        .setProducerId(result.producerId())
                        .setProducerEpoch(result.producerEpoch()));
    }
}
