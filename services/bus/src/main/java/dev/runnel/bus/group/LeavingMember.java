package dev.runnel.bus.group;

import java.util.Optional;

/**
 * One member leaving. @param memberId "" when a static member is named by its instance id only
 * @param groupInstanceId null for a dynamic member
 */
public record LeavingMember(String memberId, String groupInstanceId) {

    public Optional<String> staticInstanceId() {
        return Optional.ofNullable(groupInstanceId);
    }
}
