package dev.runnel.offsets.core;

import dev.runnel.bus.group.GroupProtocol;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A classic consumer group's membership: state, generation, leader, chosen protocol, members (in join
 * order), static members by instance id, and the member ids handed out with MEMBER_ID_REQUIRED that have
 * not joined yet. Mutable; confined to the coordinator's thread.
 */
final class Group {
    final String groupId;
    GroupState state = GroupState.EMPTY;
    int generationId;
    Optional<String> protocolType = Optional.empty();
    Optional<String> protocolName = Optional.empty();
    Optional<String> leaderId = Optional.empty();
    final Map<String, Member> members = new LinkedHashMap<>();
    final Map<String, String> staticMembers = new HashMap<>();
    final Map<String, Scheduler.Cancellable> pendingMembers = new HashMap<>();
    Optional<Scheduler.Cancellable> rebalanceTimer = Optional.empty();
    /** During the first rebalance of an empty group: wait for more members (group.initial.rebalance.delay.ms). */
    boolean initialDelayActive;
    boolean newMemberAddedDuringDelay;
    long initialDelayDeadlineMs;

    Group(String groupId) {
        this.groupId = groupId;
    }

    boolean isLeader(String memberId) {
        return leaderId.filter(memberId::equals).isPresent();
    }

    boolean hasNoMembers() {
        return members.isEmpty() && pendingMembers.isEmpty();
    }

    /** Whether a member with this protocol type and these protocols could join without breaking the group. */
    boolean accepts(String type, List<GroupProtocol> protocols) {
        if (hasNoMembers()) {
            return true;
        }
        if (protocolType.isPresent() && !protocolType.get().equals(type)) {
            return false;
        }
        Set<String> common = new LinkedHashSet<>();
        protocols.forEach(p -> common.add(p.name()));
        for (Member m : members.values()) {
            common.removeIf(name -> !m.supports(name));
        }
        return !common.isEmpty();
    }

    /** The protocol every member supports that most members prefer (first in their list); ties by join order. */
    Optional<String> selectProtocol() {
        Set<String> candidates = new LinkedHashSet<>();
        Member first = members.values().iterator().next();
        first.protocols.forEach(p -> candidates.add(p.name()));
        for (Member m : members.values()) {
            candidates.removeIf(name -> !m.supports(name));
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        candidates.forEach(c -> votes.put(c, 0));
        for (Member m : members.values()) {
            m.protocols.stream().map(GroupProtocol::name).filter(candidates::contains).findFirst()
                    .ifPresent(vote -> votes.merge(vote, 1, Integer::sum));
        }
        return votes.entrySet().stream().max((a, b) -> Integer.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey);
    }

    boolean allMembersJoined() {
        return pendingMembers.isEmpty() && members.values().stream().allMatch(m -> m.awaitingJoin.isPresent());
    }

    int maxRebalanceTimeoutMs() {
        return members.values().stream().mapToInt(m -> m.rebalanceTimeoutMs).max().orElse(0);
    }

    /** Topics the members subscribe to, as far as the gateway could tell from their metadata. */
    Set<String> subscribedTopics() {
        Set<String> topics = new HashSet<>();
        members.values().forEach(m -> topics.addAll(m.subscribedTopics));
        return topics;
    }

    void cancelRebalanceTimer() {
        rebalanceTimer.ifPresent(Scheduler.Cancellable::cancel);
        rebalanceTimer = Optional.empty();
    }
}
