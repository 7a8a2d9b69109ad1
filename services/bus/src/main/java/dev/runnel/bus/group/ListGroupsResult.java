package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

import java.util.List;

public record ListGroupsResult(ErrorCode error, List<GroupListing> groups) {
}
