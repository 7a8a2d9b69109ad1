package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionFetchResult;
import dev.runnel.log.LogException;
import dev.runnel.log.LogReadInfo;
import dev.runnel.log.PartitionLog;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Reads the partitions this store leads, from each fetch offset up to the high watermark, whole
 * batches only, within each partition's maxBytes and the request's total maxBytes (the first batch
 * excepted, so a consumer always makes progress). When the read finds fewer than minBytes and the
 * request may wait, it is parked in the {@link FetchPurgatory} (a long poll). Reads run on the reader
 * pool, never on an event loop.
 */
public final class FetchHandler {
    private final int brokerId;
    private final PartitionRegistry registry;
    private final FetchPurgatory purgatory;
    private final Executor readers;

    public FetchHandler(PartitionRegistry registry, FetchPurgatory purgatory, Executor readers) {
        this.brokerId = registry.brokerId();
        this.registry = registry;
        this.purgatory = purgatory;
        this.readers = readers;
    }

    public CompletableFuture<FetchResponse> handle(FetchRequest request) {
        Set<TopicPartition> partitions = request.partitions().stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toSet());
        return purgatory.readOrPark(partitions, request.minBytes(), request.maxWaitMs(), () -> read(request), readers);
    }

    /** One pass over the request's partitions. Blocking: runs on a reader thread. */
    FetchOutcome<FetchResponse> read(FetchRequest request) {
        List<PartitionFetchResult> results = new ArrayList<>(request.partitions().size());
        int total = 0;
        boolean hasError = false;
        for (PartitionFetch fetch : request.partitions()) {
            PartitionFetchResult result = readPartition(fetch, request.maxBytes() - total, total == 0);
            results.add(result);
            total += result.records().length();
            hasError |= result.error() != ErrorCode.NONE;
        }
        return new FetchOutcome<>(new FetchResponse(results), total, hasError);
    }

    private PartitionFetchResult readPartition(PartitionFetch fetch, int remainingBytes, boolean firstWithData) {
        Optional<Partition> partition = registry.partition(fetch.topic(), fetch.partition());
        if (partition.isEmpty()) {
            return PartitionFetchResult.failed(fetch.topic(), fetch.partition(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
        Partition p = partition.get();
        ErrorCode leaderError = p.leadership().checkLeader(brokerId, fetch.currentLeaderEpoch());
        if (leaderError != ErrorCode.NONE) {
            return PartitionFetchResult.failed(fetch.topic(), fetch.partition(), leaderError);
        }
        PartitionLog log = p.log();
        try {
            long highWatermark = log.highWatermark();
            if (remainingBytes <= 0 && !firstWithData) {
                return result(fetch, highWatermark, log.logStartOffset(), ByteBuffer.allocate(0));
            }
            LogReadInfo info = log.read(fetch.fetchOffset(), Math.min(fetch.maxBytes(), Math.max(remainingBytes, 0)), highWatermark);
            ByteBuffer records = info.records();
            if (!firstWithData && records.remaining() > remainingBytes) {
                records = RecordBatches.wholeBatchesWithin(records, remainingBytes);
            }
            return result(fetch, highWatermark, info.logStartOffset(), records);
        } catch (LogException e) {
            return PartitionFetchResult.failed(fetch.topic(), fetch.partition(), LogErrors.errorCode(e));
        } catch (RuntimeException e) {
            // a replica closed or deleted under the read: the sender should refresh its metadata
            if (p.isClosed()) {
                return PartitionFetchResult.failed(fetch.topic(), fetch.partition(), ErrorCode.NOT_LEADER_OR_FOLLOWER);
            }
            throw e;
        }
    }

    private static PartitionFetchResult result(PartitionFetch fetch, long highWatermark, long logStartOffset, ByteBuffer records) {
        // no transactions: the last stable offset is the high watermark
        return new PartitionFetchResult(fetch.topic(), fetch.partition(), ErrorCode.NONE, highWatermark, highWatermark,
                logStartOffset, Buffer.buffer(Unpooled.wrappedBuffer(records)));
    }
}
