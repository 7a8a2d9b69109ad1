package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.log.CorruptRecordException;
import dev.runnel.log.InvalidProducerEpochException;
import dev.runnel.log.InvalidRecordException;
import dev.runnel.log.LogStorageException;
import dev.runnel.log.OffsetOutOfRangeException;
import dev.runnel.log.OutOfOrderSequenceException;
import dev.runnel.log.RecordTooLargeException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps the log's exceptions to the Kafka error a client sees. */
public final class LogErrors {
    private LogErrors() {
    }

    public static ErrorCode errorCode(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof RecordTooLargeException) {
            return ErrorCode.MESSAGE_TOO_LARGE;
        } else if (e instanceof CorruptRecordException) {
            return ErrorCode.CORRUPT_MESSAGE;
        } else if (e instanceof InvalidRecordException) {
            return ErrorCode.INVALID_RECORD;
        } else if (e instanceof OutOfOrderSequenceException) {
            return ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER;
        } else if (e instanceof InvalidProducerEpochException) {
            return ErrorCode.INVALID_PRODUCER_EPOCH;
        } else if (e instanceof OffsetOutOfRangeException) {
            return ErrorCode.OFFSET_OUT_OF_RANGE;
        } else if (e instanceof LogStorageException) {
            return ErrorCode.KAFKA_STORAGE_ERROR;
        }
        return ErrorCode.UNKNOWN_SERVER_ERROR;
    }

    /** The exception a future failed with, without the wrappers futures add. */
    public static Throwable unwrap(Throwable failure) {
        Throwable e = failure;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** A message for the client: the exception's own, or its type when it has none. */
    public static String message(Throwable failure) {
        Throwable e = unwrap(failure);
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
