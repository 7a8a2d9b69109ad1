package dev.runnel.bus.control;

import dev.runnel.bus.ErrorCode;

/**
 * The answer to an {@link AlterPartitionRequest}.
 *
 * @param error     NONE; FENCED_LEADER_EPOCH / NOT_LEADER_OR_FOLLOWER for a request from a stale leader;
 *                  INVALID_UPDATE_VERSION when the partition changed since the leader decided;
 *                  INELIGIBLE_REPLICA for an ISR naming a replica that is not assigned or not alive;
 *                  UNKNOWN_TOPIC_OR_PARTITION
 * @param partition the partition as it is now (after the change when accepted); null when unknown
 */
public record AlterPartitionResult(ErrorCode error, String message, PartitionInfo partition) {
}
