package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

/** The SyncGroup answer: this member's assignment (empty bytes when the leader gave it none or on error). */
public record SyncGroupResult(ErrorCode error, String protocolType, String protocolName, byte[] assignment) {

    public static SyncGroupResult failed(ErrorCode error) {
        return new SyncGroupResult(error, null, null, new byte[0]);
    }
}
