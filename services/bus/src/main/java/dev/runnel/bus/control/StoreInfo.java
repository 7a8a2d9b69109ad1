package dev.runnel.bus.control;

/**
 * A live partition-store.
 *
 * @param rack null when the store has no rack label
 * @param httpAddress host:port of the store's HTTP endpoint (health, metrics)
 */
public record StoreInfo(int brokerId, String rack, String httpAddress) {
}
