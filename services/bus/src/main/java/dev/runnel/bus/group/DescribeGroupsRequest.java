package dev.runnel.bus.group;

import java.util.List;

public record DescribeGroupsRequest(List<String> groupIds) {
}
