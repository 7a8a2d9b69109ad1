package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

import java.util.List;

/**
 * A group as DescribeGroups shows it; Kafka's state names ("Empty", "PreparingRebalance",
 * "CompletingRebalance", "Stable", "Dead"). A group Runnel does not know is "Dead" with no members.
 */
public record GroupDescription(String groupId, ErrorCode error, String state, String protocolType,
                               String protocolName, List<MemberDescription> members) {
}
