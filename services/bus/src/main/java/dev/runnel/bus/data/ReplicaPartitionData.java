package dev.runnel.bus.data;

import dev.runnel.bus.ErrorCode;
import io.vertx.core.buffer.Buffer;

/**
 * The leader's answer for one partition of a {@link ReplicaFetchRequest}.
 *
 * @param highWatermark       the leader's high watermark, which the follower adopts (up to its own log end)
 * @param logStartOffset      the leader's log start; a follower below it restarts its log there
 * @param logEndOffset        the leader's log end; a follower above it (OFFSET_OUT_OF_RANGE) truncates to it
 * @param divergingEpoch      -1 when the follower's log agrees with the leader's; otherwise the largest epoch
 *                            the leader knows up to the follower's last fetched epoch, and
 * @param divergingEndOffset  where that epoch ends on the leader: the follower truncates to the smaller of this
 *                            and its own end of that epoch before it fetches again (KIP-101/279/320)
 * @param records             whole batches from the fetch offset, as stored (empty on error or divergence)
 */
public record ReplicaPartitionData(String topic, int partition, ErrorCode error, long highWatermark, long logStartOffset,
                                   long logEndOffset, int divergingEpoch, long divergingEndOffset, Buffer records) {

    public static ReplicaPartitionData failed(String topic, int partition, ErrorCode error) {
        return new ReplicaPartitionData(topic, partition, error, -1, -1, -1, -1, -1, Buffer.buffer());
    }

    public boolean diverged() {
        return divergingEndOffset >= 0;
    }
}
