package dev.runnel.bus.group;

import java.util.List;

/** LeaveGroup for one or more members (v3+ batches them). */
public record LeaveGroupRequest(String groupId, List<LeavingMember> members) {
}
