package dev.runnel.bus.group;

import java.util.List;

/**
 * ListGroups. @param statesFilter Kafka state names (e.g. "Stable"); empty for all
 * @param typesFilter "classic"/"consumer" group types (ListGroups v5); empty for all
 */
public record ListGroupsRequest(List<String> statesFilter, List<String> typesFilter) {
}
