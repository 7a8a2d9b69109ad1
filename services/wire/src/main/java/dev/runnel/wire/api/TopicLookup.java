package dev.runnel.wire.api;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.Uuid;

import java.util.Optional;
import java.util.UUID;

/** Finds topics in the backend's cached metadata by name or by Kafka topic id. Stateless. */
final class TopicLookup {
    private final KafkaBackend backend;

    TopicLookup(KafkaBackend backend) {
        this.backend = backend;
    }

    Future<ClusterMetadata> metadata() {
        return backend.metadata();
    }

    static Optional<TopicInfo> byId(ClusterMetadata metadata, Uuid id) {
        if (id == null || Uuid.ZERO_UUID.equals(id)) {
            return Optional.empty();
        }
        UUID wanted = TopicIds.fromKafka(id);
        return metadata.topics().stream().filter(t -> wanted.equals(t.id())).findFirst();
    }
}
