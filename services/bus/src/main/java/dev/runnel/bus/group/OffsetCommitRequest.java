package dev.runnel.bus.group;

import java.util.List;
import java.util.Optional;

/**
 * OffsetCommit. A commit with generation -1 and member id "" is a "simple" commit (manual assignment or
 * admin tools), accepted only while the group has no members.
 *
 * @param groupInstanceId null for a dynamic member
 */
public record OffsetCommitRequest(String groupId, int generationId, String memberId, String groupInstanceId,
                                  List<OffsetToCommit> offsets) {

    public Optional<String> staticInstanceId() {
        return Optional.ofNullable(groupInstanceId);
    }
}
