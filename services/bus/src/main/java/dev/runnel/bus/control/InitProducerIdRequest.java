package dev.runnel.bus.control;

/**
 * Allocate a producer id for an idempotent producer.
 *
 * @param transactionalId null for a plain idempotent producer (transactions are not supported)
 */
public record InitProducerIdRequest(String transactionalId) {
}
