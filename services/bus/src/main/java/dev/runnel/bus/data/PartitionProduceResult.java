package dev.runnel.bus.data;

import dev.runnel.bus.ErrorCode;

/**
 * The outcome of one partition's append.
 *
 * @param baseOffset offset of the first appended record, -1 on error
 * @param logAppendTime broker time of the append if the topic uses LogAppendTime, else -1
 * @param errorMessage null when {@code error} is NONE
 */
public record PartitionProduceResult(String topic, int partition, ErrorCode error, String errorMessage,
                                     long baseOffset, long logAppendTime, long logStartOffset) {

    public static PartitionProduceResult failed(String topic, int partition, ErrorCode error, String message) {
        return new PartitionProduceResult(topic, partition, error, message, -1, -1, -1);
    }
}
