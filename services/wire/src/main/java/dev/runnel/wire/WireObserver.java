package dev.runnel.wire;

/**
 * What the Kafka listener reports about its own work, for the gateway's metrics. The protocol layer stays
 * free of any metrics library: the gateway implements this with Micrometer.
 *
 * <p>Callbacks run on the connection's event loop (or wherever the request's answer completes) and must
 * be cheap and non-blocking; every method has a no-op default, and {@link #NONE} ignores everything.
 * Labels passed here are bounded: Kafka API names and acks values, never client ids.
 */
public interface WireObserver {

    /** Ignores everything. */
    WireObserver NONE = new WireObserver() {
    };

    /** A client connected. */
    default void connectionOpened() {
    }

    /** A client connection closed (by either side); called once per opened connection. */
    default void connectionClosed() {
    }

    /**
     * A request was answered (or, for acks=0 produce, finished in the backend).
     *
     * @param api          Kafka's API name, e.g. {@code Produce}
     * @param latencyNanos from reading the frame to the answer being ready
     * @param failed       the backend failed or timed out (the client got an error response)
     */
    default void requestCompleted(String api, short version, long latencyNanos, boolean failed) {
    }

    /** A produce request finished; {@code acks} is the request's (0, 1 or -1). */
    default void produceCompleted(short acks, long latencyNanos) {
    }
}
