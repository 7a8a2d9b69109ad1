package dev.runnel.gateway.core;

/**
 * Told what flowed through the gateway per topic: batches the stores accepted, batches handed to
 * consumers. Cheap and non-blocking; called on a Vert.x context.
 */
public interface TrafficObserver {

    TrafficObserver NONE = new TrafficObserver() {
    };

    /** {@code bytes} of record batches holding {@code records} records were appended to {@code topic}. */
    default void produced(String topic, long bytes, long records) {
    }

    /** {@code bytes} of record batches holding {@code records} complete records were fetched from {@code topic}. */
    default void fetched(String topic, long bytes, long records) {
    }
}
