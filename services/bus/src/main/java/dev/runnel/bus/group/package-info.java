/**
 * The consumer-group contract between the gateway and the offset-service, in Runnel's terms: the classic
 * Kafka group protocol (join, sync, heartbeat, leave), committed offsets and group administration.
 *
 * <p>One offset-service answers every {@code runnel.groups.*} address ({@link dev.runnel.bus.Addresses}).
 * Every request gets a reply carrying Kafka {@link dev.runnel.bus.ErrorCode}s; a failed reply (no handler,
 * timeout) means the coordinator is unavailable and the gateway answers COORDINATOR_NOT_AVAILABLE, which
 * clients retry. JoinGroup and SyncGroup replies are parked until the rebalance completes, so their
 * requesters must wait up to the request's rebalance timeout (plus a margin).
 *
 * <p>Byte arrays (protocol metadata, assignments) are opaque to Runnel: the members' assignor reads and
 * writes them; the coordinator only relays them. Nullable fields say so in their javadoc; each record
 * offers an {@code Optional} view of them.
 */
package dev.runnel.bus.group;
