package dev.runnel.bus.group;

import java.util.Optional;

/** Heartbeat. @param groupInstanceId null for a dynamic member */
public record HeartbeatRequest(String groupId, int generationId, String memberId, String groupInstanceId) {

    public Optional<String> staticInstanceId() {
        return Optional.ofNullable(groupInstanceId);
    }
}
