package dev.runnel.bus.group;

/** A member as DescribeGroups shows it. @param groupInstanceId null for a dynamic member */
public record MemberDescription(String memberId, String groupInstanceId, String clientId, String clientHost,
                                byte[] metadata, byte[] assignment) {
}
