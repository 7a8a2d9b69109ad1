package dev.runnel.offsets;

import dev.runnel.offsets.core.CoordinatorSettings;

import java.time.Duration;

/**
 * The offset-service's settings, read once at start.
 *
 * @param pgPoolSize     connections to PostgreSQL ({@code runnel.pg.pool-size})
 * @param pgProbeInterval how often PostgreSQL is pinged for readiness ({@code runnel.offsets.pg-probe-ms})
 * @param lagSampleInterval how often consumer lag is computed ({@code runnel.offsets.lag-sample-ms})
 */
record OffsetServiceSettings(CoordinatorSettings coordinator, int pgPoolSize, Duration pgProbeInterval,
                             Duration lagSampleInterval) {
}
