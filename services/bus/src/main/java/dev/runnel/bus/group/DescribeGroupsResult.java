package dev.runnel.bus.group;

import java.util.List;

public record DescribeGroupsResult(List<GroupDescription> groups) {
}
