package dev.runnel.wire;

/**
 * How this gateway presents itself to Kafka clients: as the one broker that leads every partition and
 * coordinates every group, so clients never need to know Runnel's internal topology.
 */
public record GatewayIdentity(int nodeId, String host, int port) {
}
