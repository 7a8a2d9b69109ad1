package dev.runnel.bus.group;

/** A member as the group leader sees it in the JoinGroup answer: its metadata for the chosen protocol. */
public record JoinedMember(String memberId, String groupInstanceId, byte[] metadata) {
}
