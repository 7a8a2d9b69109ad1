package dev.runnel.bus.group;

/** A group in a ListGroups answer. @param protocolType "" for a group that only has committed offsets */
public record GroupListing(String groupId, String protocolType, String state) {
}
