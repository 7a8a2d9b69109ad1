package dev.runnel.bus.group;

import java.util.List;

public record DeleteGroupsRequest(List<String> groupIds) {
}
