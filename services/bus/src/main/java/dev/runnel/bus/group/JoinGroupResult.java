package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

import java.util.List;

/**
 * The JoinGroup answer.
 *
 * @param memberId       the member's id (also with MEMBER_ID_REQUIRED, which hands out a new id)
 * @param members        only for the leader (and not when {@code skipAssignment}): every member with its metadata
 * @param protocolName   null on error
 * @param skipAssignment the leader rejoined a stable group as a replaced static member: it must not reassign
 */
public record JoinGroupResult(ErrorCode error, int generationId, String protocolType, String protocolName,
                              String leader, boolean skipAssignment, String memberId, List<JoinedMember> members) {

    public static JoinGroupResult failed(ErrorCode error, String memberId) {
        return new JoinGroupResult(error, -1, null, null, "", false, memberId, List.of());
    }
}
