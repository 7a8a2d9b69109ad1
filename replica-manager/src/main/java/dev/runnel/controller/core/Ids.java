package dev.runnel.controller.core;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** Random identifiers in the forms Kafka clients expect. */
public final class Ids {
    private static final UUID ZERO = new UUID(0, 0);

    private Ids() {
    }

    /**
     * A topic id. Like Kafka, never the zero id, and never one whose base64 form starts with '-' (command-line
     * tools would read it as an option).
     */
    public static UUID newTopicId() {
        while (true) {
            UUID id = UUID.randomUUID();
            if (!id.equals(ZERO) && !base64(id).startsWith("-")) {
                return id;
            }
        }
    }

    /** A cluster id: a random UUID as 22 characters of URL-safe base64, Kafka's format. */
    public static String newClusterId() {
        return base64(UUID.randomUUID());
    }

    static String base64(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
