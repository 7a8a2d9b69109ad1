package dev.runnel.bus.cluster;

import java.util.List;

/**
 * How a service joins the Runnel event-bus cluster.
 *
 * @param name the cluster name; services only see members with the same name
 * @param host the interface Hazelcast and the event bus bind to
 * @param port the first Hazelcast port; the next free one is taken when it is in use
 * @param members addresses of other members to contact (TCP-IP join), e.g. {@code 127.0.0.1}
 */
public record ClusterSettings(String name, String host, int port, List<String> members) {

    public static ClusterSettings local() {
        return new ClusterSettings("runnel", "127.0.0.1", 15701, List.of("127.0.0.1"));
    }
}
