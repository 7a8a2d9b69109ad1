package dev.runnel.offsets.core;

import java.time.Duration;

/**
 * The group coordinator's limits, with Kafka's broker setting names and defaults.
 *
 * @param minSessionTimeout       {@code group.min.session.timeout.ms} (6000)
 * @param maxSessionTimeout       {@code group.max.session.timeout.ms} (1800000)
 * @param initialRebalanceDelay   {@code group.initial.rebalance.delay.ms} (3000): how long the first rebalance
 *                                of an empty group waits for more members, extended per new member up to the
 *                                rebalance timeout
 * @param maxGroupSize            {@code group.max.size} (unbounded)
 * @param offsetMetadataMaxBytes  {@code offset.metadata.max.bytes} (4096)
 */
public record CoordinatorSettings(Duration minSessionTimeout, Duration maxSessionTimeout,
                                  Duration initialRebalanceDelay, int maxGroupSize, int offsetMetadataMaxBytes) {

    public static CoordinatorSettings defaults() {
        return new CoordinatorSettings(Duration.ofMillis(6000), Duration.ofMillis(1_800_000), Duration.ofMillis(3000),
                Integer.MAX_VALUE, 4096);
    }

    public CoordinatorSettings withInitialRebalanceDelay(Duration delay) {
        return new CoordinatorSettings(minSessionTimeout, maxSessionTimeout, delay, maxGroupSize, offsetMetadataMaxBytes);
    }

    public CoordinatorSettings withMinSessionTimeout(Duration min) {
        return new CoordinatorSettings(min, maxSessionTimeout, initialRebalanceDelay, maxGroupSize, offsetMetadataMaxBytes);
    }

    public CoordinatorSettings withMaxGroupSize(int size) {
        return new CoordinatorSettings(minSessionTimeout, maxSessionTimeout, initialRebalanceDelay, size, offsetMetadataMaxBytes);
    }
}
