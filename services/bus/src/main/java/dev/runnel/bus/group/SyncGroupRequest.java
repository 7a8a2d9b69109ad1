package dev.runnel.bus.group;

import java.util.List;
import java.util.Optional;

/**
 * SyncGroup.
 *
 * @param groupInstanceId null for a dynamic member
 * @param protocolType    null when the client did not send it (SyncGroup &lt; v5)
 * @param protocolName    null when the client did not send it (SyncGroup &lt; v5)
 * @param assignments     only the leader's carries assignments; empty for followers
 */
public record SyncGroupRequest(String groupId, int generationId, String memberId, String groupInstanceId,
                               String protocolType, String protocolName, List<MemberAssignment> assignments) {

    public Optional<String> staticInstanceId() {
        return Optional.ofNullable(groupInstanceId);
    }
}
