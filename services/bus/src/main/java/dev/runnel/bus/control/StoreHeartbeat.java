package dev.runnel.bus.control;

/**
 * A partition-store's sign of life, sent every second to the replica-manager.
 *
 * @param metadataVersion the metadata version the store has applied
 */
public record StoreHeartbeat(int brokerId, String rack, String httpAddress, long metadataVersion) {
}
