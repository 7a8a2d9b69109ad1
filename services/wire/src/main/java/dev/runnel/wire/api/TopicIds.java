package dev.runnel.wire.api;

import org.apache.kafka.common.Uuid;

import java.util.UUID;

/** Runnel keeps topic ids as {@link UUID}; Kafka's wire uses {@link Uuid}. Same 128 bits. */
public final class TopicIds {
    private TopicIds() {
    }

    public static Uuid toKafka(UUID id) {
        return id == null ? Uuid.ZERO_UUID : new Uuid(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }

    public static UUID fromKafka(Uuid id) {
        return new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits());
    }
}
