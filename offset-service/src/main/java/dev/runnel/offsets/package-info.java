/**
 * The offset-service's Quarkus shell: configuration ({@code RUNNEL_PG_URL}, Kafka's {@code group.*} broker
 * settings), lifecycle, event-bus consumers and readiness, over the plain-Java group coordinator in
 * {@code dev.runnel.offsets.core} and the PostgreSQL offset store in {@code dev.runnel.offsets.pg}.
 *
 * <p>Contract on the bus ({@code dev.runnel.bus.group}): every {@code runnel.groups.*} request is handled on one
 * event-loop context, in arrival order; JoinGroup and SyncGroup replies may be parked until the rebalance
 * completes (at most the group's rebalance timeout). Commits are replied only after PostgreSQL committed them;
 * while PostgreSQL is unreachable commits and fetches answer COORDINATOR_NOT_AVAILABLE and readiness is down.
 * Membership is in memory: after a restart members get UNKNOWN_MEMBER_ID (or ILLEGAL_GENERATION on commit)
 * and rejoin, as Kafka clients do after a coordinator change.
 */
package dev.runnel.offsets;
