package dev.runnel.bus.group;

/**
 * A committed offset. @param offset -1 when the group has committed nothing for the partition
 * @param leaderEpoch -1 when unknown
 * @param commitTimeMs when the commit became durable; -1 when there is none
 */
public record CommittedOffset(String topic, int partition, long offset, int leaderEpoch, String metadata,
                              long commitTimeMs) {

    public static CommittedOffset none(String topic, int partition) {
        return new CommittedOffset(topic, partition, -1, -1, "", -1);
    }
}
