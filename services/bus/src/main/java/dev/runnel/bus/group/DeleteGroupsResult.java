package dev.runnel.bus.group;

import java.util.List;

public record DeleteGroupsResult(List<GroupError> groups) {
}
