package dev.runnel.store.core;

/**
 * One read of a fetch request's partitions (a consumer's {@code FetchResponse} or a follower's
 * {@code ReplicaFetchResponse}).
 *
 * @param bytes record bytes in the response, to compare with the request's minBytes
 * @param hasError whether some partition failed (a fetch with errors is answered at once, as in Kafka)
 */
public record FetchOutcome<R>(R response, int bytes, boolean hasError) {

    public boolean satisfies(int minBytes) {
        return hasError || bytes >= minBytes;
    }
}
