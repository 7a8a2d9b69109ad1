package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

import java.util.List;

/** The LeaveGroup answer: a group-level error and one outcome per member. */
public record LeaveGroupResult(ErrorCode error, List<LeftMember> members) {
}
