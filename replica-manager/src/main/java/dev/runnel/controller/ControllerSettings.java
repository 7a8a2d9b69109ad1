package dev.runnel.controller;

import dev.runnel.controller.core.TopicValidator;

import java.time.Duration;

/**
 * The replica-manager's settings ({@code runnel.*}), read once at start.
 *
 * @param storeSessionTimeout a store unheard for this long is dead ({@code runnel.controller.store-session-timeout-ms})
 * @param pgPoolSize          connections to PostgreSQL ({@code runnel.pg.pool-size})
 * @param preferredLeaderCheckInterval how often leadership moves back to preferred replicas
 *                            ({@code runnel.controller.preferred-leader-check-ms}, Kafka's leader.imbalance.check.interval)
 * @param maxConcurrentMoves  partition moves the balancer runs at once ({@code runnel.controller.max-concurrent-moves})
 */
record ControllerSettings(TopicValidator topicValidator, Duration storeSessionTimeout, int pgPoolSize,
                          Duration preferredLeaderCheckInterval, int maxConcurrentMoves) {
}
