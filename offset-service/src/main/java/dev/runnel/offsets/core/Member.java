package dev.runnel.offsets.core;

import dev.runnel.bus.group.GroupProtocol;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.SyncGroupResult;
import io.vertx.core.Promise;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One member of a group, as the coordinator keeps it: what it sent in its last JoinGroup, the assignment the
 * leader gave it, and the answers it is waiting for. Mutable; confined to the coordinator's thread.
 */
final class Member {
    final String memberId;
    final Optional<String> groupInstanceId;
    String clientId;
    String clientHost;
    int sessionTimeoutMs;
    int rebalanceTimeoutMs;
    List<GroupProtocol> protocols;
    List<String> subscribedTopics;
    byte[] assignment = new byte[0];
    Optional<Promise<JoinGroupResult>> awaitingJoin = Optional.empty();
    Optional<Promise<SyncGroupResult>> awaitingSync = Optional.empty();
    Optional<Scheduler.Cancellable> sessionExpiry = Optional.empty();

    Member(String memberId, JoinGroupRequest join) {
        this.memberId = memberId;
        this.groupInstanceId = join.staticInstanceId();
        update(join);
    }

    void update(JoinGroupRequest join) {
        clientId = join.clientId();
        clientHost = join.clientHost();
        sessionTimeoutMs = join.sessionTimeoutMs();
        rebalanceTimeoutMs = join.rebalanceTimeoutMs();
        protocols = List.copyOf(join.protocols());
        subscribedTopics = join.subscribedTopics() == null ? List.of() : List.copyOf(join.subscribedTopics());
    }

    /** Whether a JoinGroup carries exactly the protocols (names and metadata) this member joined with. */
    boolean sameProtocols(JoinGroupRequest join) {
        if (join.protocols().size() != protocols.size()) {
            return false;
        }
        for (int i = 0; i < protocols.size(); i++) {
            GroupProtocol mine = protocols.get(i);
            GroupProtocol theirs = join.protocols().get(i);
            if (!mine.name().equals(theirs.name()) || !Arrays.equals(mine.metadata(), theirs.metadata())) {
                return false;
            }
        }
        return true;
    }

    boolean supports(String protocolName) {
        return protocols.stream().anyMatch(p -> p.name().equals(protocolName));
    }

    byte[] metadata(String protocolName) {
        return protocols.stream().filter(p -> p.name().equals(protocolName)).findFirst()
                .map(GroupProtocol::metadata).orElse(new byte[0]);
    }

    /** Members waiting for a join or sync answer are not expired: the coordinator owes them a reply. */
    boolean isAwaitingAnswer() {
        return awaitingJoin.isPresent() || awaitingSync.isPresent();
    }

    void cancelSessionExpiry() {
        sessionExpiry.ifPresent(Scheduler.Cancellable::cancel);
        sessionExpiry = Optional.empty();
    }
}
