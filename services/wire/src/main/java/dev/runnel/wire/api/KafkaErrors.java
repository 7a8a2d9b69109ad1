package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.wire.ControllerUnavailableException;
import org.apache.kafka.common.protocol.Errors;

/**
 * Runnel's {@link ErrorCode} and kafka-clients' {@link Errors} name the same Kafka error codes; this maps
 * them by number. A code one side does not know becomes UNKNOWN_SERVER_ERROR on the other.
 */
public final class KafkaErrors {
    private KafkaErrors() {
    }

    public static Errors toKafka(ErrorCode error) {
        return Errors.forCode(error.code());
    }

    public static ErrorCode fromKafka(Errors error) {
        return ErrorCode.forCode(error.code());
    }

    /**
     * A backend failure as the Kafka exception the request's error response is built from: a
     * {@link ControllerUnavailableException} becomes its error (e.g. NOT_CONTROLLER), anything else stays as it
     * is (UNKNOWN_SERVER_ERROR, unless it already is a Kafka exception).
     */
    public static Throwable toApiException(Throwable failure) {
        if (failure instanceof ControllerUnavailableException unavailable) {
            return toKafka(unavailable.error()).exception(unavailable.getMessage());
        }
        return failure;
    }

    /** The wire code, for the {@code setErrorCode} of generated messages. */
    public static short code(ErrorCode error) {
        return error.code();
    }
}
