package dev.runnel.bus.data;

import dev.runnel.bus.ErrorCode;
import io.vertx.core.buffer.Buffer;

/**
 * One partition's read: whole record batches, as stored, from the batch containing the fetch offset
 * up to the high watermark.
 *
 * @param records empty (never null) when there is nothing to return or on error
 */
public record PartitionFetchResult(String topic, int partition, ErrorCode error, long highWatermark,
                                   long lastStableOffset, long logStartOffset, Buffer records) {

    public static PartitionFetchResult failed(String topic, int partition, ErrorCode error) {
        return new PartitionFetchResult(topic, partition, error, -1, -1, -1, Buffer.buffer());
    }
}
