package dev.runnel.bus.control;

import dev.runnel.bus.ErrorCode;

/**
 * The outcome of one {@link ReassignmentRequest}: NONE once the reassignment is accepted (it completes in
 * the background), else why nothing changed.
 *
 * @param message null when {@code error} is NONE
 */
public record ReassignmentResult(String topic, int partition, ErrorCode error, String message) {
}
