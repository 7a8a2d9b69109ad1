package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

/** An answer that is only an error code (Heartbeat). */
public record GroupErrorResult(ErrorCode error) {
}
