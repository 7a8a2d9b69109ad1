package dev.runnel.bus.group;

import java.util.List;
import java.util.Optional;

/**
 * JoinGroup.
 *
 * @param memberId             "" for a member joining for the first time
 * @param groupInstanceId      null for a dynamic member; the static member's {@code group.instance.id} otherwise
 * @param protocols            in the member's order of preference
 * @param requireKnownMemberId JoinGroup v4+: a new dynamic member is first handed its id with MEMBER_ID_REQUIRED
 * @param subscribedTopics     the topics a consumer-protocol member subscribes to, when the gateway could read
 *                             them from the metadata (used to refuse OffsetDelete of a subscribed topic)
 */
public record JoinGroupRequest(String groupId, String memberId, String groupInstanceId, String protocolType,
                               List<GroupProtocol> protocols, int sessionTimeoutMs, int rebalanceTimeoutMs,
                               String clientId, String clientHost, boolean requireKnownMemberId,
                               List<String> subscribedTopics) {

    public Optional<String> staticInstanceId() {
        return Optional.ofNullable(groupInstanceId);
    }
}
