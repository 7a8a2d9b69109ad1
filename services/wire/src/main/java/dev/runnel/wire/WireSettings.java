package dev.runnel.wire;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Kafka listener runs.
 *
 * @param host                       interface to bind, e.g. {@code 0.0.0.0}
 * @param port                       TCP port; 0 picks a free one (see {@link KafkaServer#actualPort()})
 * @param maxFrameBytes              largest request accepted, like Kafka's {@code socket.request.max.bytes};
 *                                   a bigger (or negative) size prefix closes the connection
 * @param autoCreateTopics           whether Metadata may create unknown topics when the client allows it
 *                                   (Kafka's {@code auto.create.topics.enable}, but off by default here)
 * @param autoCreatePartitions       partitions of an auto-created topic, -1 for the cluster default
 * @param autoCreateReplicationFactor replication factor of an auto-created topic, -1 for the cluster default
 * @param clusterId                  the cluster id handed to clients in Metadata and DescribeCluster
 * @param maxInFlightPerConnection   requests read but not yet answered before the socket is paused
 * @param requestTimeout             how long past a request's own wait (produce timeout, fetch max wait)
 *                                   the backend may take before the client gets REQUEST_TIMED_OUT
 */
public record WireSettings(String host, int port, int maxFrameBytes, boolean autoCreateTopics,
                           int autoCreatePartitions, short autoCreateReplicationFactor, String clusterId,
                           int maxInFlightPerConnection, Duration requestTimeout) {

    /** Kafka's socket.request.max.bytes default. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 100 * 1024 * 1024;
    public static final int DEFAULT_PORT = 9092;

    public WireSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (maxFrameBytes < 16) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 16, was " + maxFrameBytes);
        }
        if (maxInFlightPerConnection < 1) {
            throw new IllegalArgumentException("maxInFlightPerConnection must be at least 1, was " + maxInFlightPerConnection);
        }
    }

    /** Port 9092 on all interfaces, 100 MiB frames, no auto-create, 64 requests in flight, 30 s grace. */
    public static WireSettings defaults(String clusterId) {
        return new WireSettings("0.0.0.0", DEFAULT_PORT, DEFAULT_MAX_FRAME_BYTES, false, -1, (short) -1, clusterId,
                64, Duration.ofSeconds(30));
    }

    public WireSettings withListener(String newHost, int newPort) {
        return new WireSettings(newHost, newPort, maxFrameBytes, autoCreateTopics, autoCreatePartitions,
                autoCreateReplicationFactor, clusterId, maxInFlightPerConnection, requestTimeout);
    }

    public WireSettings withMaxFrameBytes(int bytes) {
        return new WireSettings(host, port, bytes, autoCreateTopics, autoCreatePartitions,
                autoCreateReplicationFactor, clusterId, maxInFlightPerConnection, requestTimeout);
    }

    public WireSettings withAutoCreateTopics(boolean enabled, int partitions, short replicationFactor) {
        return new WireSettings(host, port, maxFrameBytes, enabled, partitions, replicationFactor, clusterId,
                maxInFlightPerConnection, requestTimeout);
    }

    public WireSettings withMaxInFlightPerConnection(int max) {
        return new WireSettings(host, port, maxFrameBytes, autoCreateTopics, autoCreatePartitions,
                autoCreateReplicationFactor, clusterId, max, requestTimeout);
    }

    public WireSettings withRequestTimeout(Duration timeout) {
        return new WireSettings(host, port, maxFrameBytes, autoCreateTopics, autoCreatePartitions,
                autoCreateReplicationFactor, clusterId, maxInFlightPerConnection, timeout);
    }
}
