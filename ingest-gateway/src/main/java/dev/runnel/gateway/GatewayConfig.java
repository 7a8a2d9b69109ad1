package dev.runnel.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The gateway's settings ({@code runnel.gateway.*}); the Kafka listener's and the node identity clients see. */
@ConfigMapping(prefix = "runnel.gateway")
public interface GatewayConfig {

    /** Interface the Kafka listener binds to. */
    @WithDefault("127.0.0.1")
    String kafkaHost();

    @WithDefault("9092")
    int kafkaPort();

    /** Host clients are told to connect to (Metadata); defaults to the listener host. */
    java.util.Optional<String> advertisedHost();

    /** The broker id clients see for this gateway. */
    @WithDefault("0")
    int nodeId();

    /** Largest request frame, like Kafka's socket.request.max.bytes. */
    @WithDefault("104857600")
    int maxFrameBytes();

    /** Let Metadata requests create unknown topics (Kafka's auto.create.topics.enable); off by default. */
    @WithDefault("false")
    boolean autoCreateTopics();

    /** How often the metadata cache is refreshed even without a published change. */
    @WithDefault("5000")
    long metadataRefreshMs();
}
