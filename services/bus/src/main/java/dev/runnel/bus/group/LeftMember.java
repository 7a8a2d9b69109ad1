package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

/** The outcome for one leaving member. */
public record LeftMember(String memberId, String groupInstanceId, ErrorCode error) {
}
