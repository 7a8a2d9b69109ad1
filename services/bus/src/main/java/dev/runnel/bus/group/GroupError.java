package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

/** The outcome for one group of a multi-group request. */
public record GroupError(String groupId, ErrorCode error) {
}
