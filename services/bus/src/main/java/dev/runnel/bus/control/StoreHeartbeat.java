package dev.runnel.bus.control;

/**
 * A partition-store's sign of life, sent every second to the replica-manager.
 *
 * @param metadataVersion the metadata version the store has applied
 * @param nodeId          the event-bus cluster node id of the store's Vert.x (its Hazelcast member), so the
 *                        replica-manager can declare the store dead as soon as that member leaves the
 *                        cluster; {@code null} from a store without a cluster manager or an older store
 *                        (JSON leaves an absent field {@code null}), which is then detected by heartbeats alone
 */
public record StoreHeartbeat(int brokerId, String rack, String httpAddress, long metadataVersion, String nodeId) {
}
