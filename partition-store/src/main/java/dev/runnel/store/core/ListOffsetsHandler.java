package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.log.LogException;
import dev.runnel.log.LogReadInfo;
import dev.runnel.log.PartitionLog;
import dev.runnel.log.TimestampOffset;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Answers ListOffsets for the partitions this store leads: earliest (log start offset), latest (high
 * watermark), the record with the largest timestamp (KIP-734), or the first offset whose timestamp is
 * at or after a time. Only committed offsets (below the high watermark) are answered; none is
 * offset -1, timestamp -1. Runs on the reader pool.
 */
public final class ListOffsetsHandler {
    /** How much log one step of the max-timestamp scan reads. */
    private static final int SCAN_CHUNK_BYTES = 1 << 20;

    private final int brokerId;
    private final PartitionRegistry registry;
    private final Executor readers;

    public ListOffsetsHandler(PartitionRegistry registry, Executor readers) {
        this.brokerId = registry.brokerId();
        this.registry = registry;
        this.readers = readers;
    }

    public CompletableFuture<ListOffsetsResponse> handle(ListOffsetsRequest request) {
        return CompletableFuture.supplyAsync(
                () -> new ListOffsetsResponse(request.partitions().stream().map(this::lookUp).toList()), readers);
    }

    private PartitionOffset lookUp(PartitionTimestamp query) {
        Optional<Partition> partition = registry.partition(query.topic(), query.partition());
        if (partition.isEmpty()) {
            return failed(query, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
        Partition p = partition.get();
        Leadership leadership = p.leadership();
        ErrorCode leaderError = leadership.checkLeader(brokerId, -1);
        if (leaderError != ErrorCode.NONE) {
            return failed(query, leaderError);
        }
        PartitionLog log = p.log();
        try {
            long highWatermark = log.highWatermark();
            Optional<TimestampOffset> found;
            if (query.timestamp() == PartitionTimestamp.EARLIEST) {
                found = Optional.of(new TimestampOffset(-1, log.logStartOffset()));
            } else if (query.timestamp() == PartitionTimestamp.LATEST) {
                found = Optional.of(new TimestampOffset(-1, highWatermark));
            } else if (query.timestamp() == PartitionTimestamp.MAX_TIMESTAMP) {
                found = maxTimestamp(log, highWatermark);
            } else if (query.timestamp() >= 0) {
                found = log.offsetForTimestamp(query.timestamp()).filter(o -> o.offset() < highWatermark);
            } else {
                return failed(query, ErrorCode.INVALID_REQUEST);
            }
            TimestampOffset answer = found.orElse(new TimestampOffset(-1, -1));
            return new PartitionOffset(query.topic(), query.partition(), ErrorCode.NONE, answer.timestamp(),
                    answer.offset(), leadership.leaderEpoch());
        } catch (LogException e) {
            return failed(query, LogErrors.errorCode(e));
        }
    }

    /**
     * The batch holding the largest timestamp below the high watermark, by scanning batch headers: the
     * log keeps no such index. Answers the batch's last offset (as Kafka did before KAFKA-16310).
     */
    private static Optional<TimestampOffset> maxTimestamp(PartitionLog log, long highWatermark) {
        Optional<TimestampOffset> best = Optional.empty();
        long offset = log.logStartOffset();
        while (offset < highWatermark) {
            LogReadInfo read = log.read(offset, SCAN_CHUNK_BYTES, highWatermark);
            List<RecordBatches.BatchHeader> headers = RecordBatches.headers(read.records());
            if (headers.isEmpty()) {
                break;
            }
            for (RecordBatches.BatchHeader header : headers) {
                if (best.isEmpty() || header.maxTimestamp() > best.get().timestamp()) {
                    best = Optional.of(new TimestampOffset(header.maxTimestamp(), header.lastOffset()));
                }
            }
            offset = headers.get(headers.size() - 1).lastOffset() + 1;
        }
        return best;
    }

    private static PartitionOffset failed(PartitionTimestamp query, ErrorCode error) {
        return new PartitionOffset(query.topic(), query.partition(), error, -1, -1, -1);
    }
}
