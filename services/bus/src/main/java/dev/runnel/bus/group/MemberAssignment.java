package dev.runnel.bus.group;

/** The leader's assignment for one member, opaque to the coordinator. */
public record MemberAssignment(String memberId, byte[] assignment) {
}
