package dev.runnel.gateway.core;

/**
 * Told about every event-bus request the gateway makes, for latency metrics. Called on the Vert.x
 * context the reply arrives on: implementations must be cheap and non-blocking.
 */
@FunctionalInterface
public interface BusRequestObserver {

    BusRequestObserver NONE = (kind, latencyNanos, succeeded) -> {
    };

    /**
     * @param kind         the bounded kind of address ({@link BusAddressKind}), never a per-store address
     * @param succeeded    a reply arrived (false: timeout, no handler, or a failure reply)
     */
    void completed(BusAddressKind kind, long latencyNanos, boolean succeeded);
}
