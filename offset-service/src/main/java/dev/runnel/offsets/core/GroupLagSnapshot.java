package dev.runnel.offsets.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the last lag sample found: every committed offset with its lag, and the member count of each
 * group that has members.
 */
public record GroupLagSnapshot(Instant takenAt, List<GroupOffsetLag> offsets, Map<String, Integer> members) {

    public GroupLagSnapshot {
        offsets = List.copyOf(offsets);
        members = Map.copyOf(members);
    }
}
