package dev.runnel.store.core;

import dev.runnel.bus.data.FetchResponse;

/**
 * One read of a fetch request's partitions.
 *
 * @param bytes record bytes in the response, to compare with the request's minBytes
 * @param hasError whether some partition failed (a fetch with errors is answered at once, as in Kafka)
 */
public record FetchOutcome(FetchResponse response, int bytes, boolean hasError) {

    public boolean satisfies(int minBytes) {
        return hasError || bytes >= minBytes;
    }
}
