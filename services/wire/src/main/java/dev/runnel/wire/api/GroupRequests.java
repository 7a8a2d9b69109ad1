package dev.runnel.wire.api;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ClusterMetadata;

/** Small translations the group handlers share. Stateless. */
final class GroupRequests {

    private GroupRequests() {
    }

    /** Kafka's client host form, "/127.0.0.1", from the connection's "127.0.0.1:54321". */
    static String clientHost(RequestContext context) {
        String remote = context.remoteAddress() == null ? "" : context.remoteAddress();
        int colon = remote.lastIndexOf(':');
        String host = colon > 0 ? remote.substring(0, colon) : remote;
        return host.startsWith("/") ? host : "/" + host;
    }

    /** UNKNOWN_TOPIC_OR_PARTITION unless the metadata has this topic and partition. */
    static ErrorCode partitionError(ClusterMetadata metadata, String topic, int partition) {
        return metadata.topics().stream().filter(t -> t.name().equals(topic)).findFirst()
                .flatMap(t -> t.partition(partition)).isPresent() ? ErrorCode.NONE : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    }
}
