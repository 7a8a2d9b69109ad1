package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import dev.runnel.log.LogAppendInfo;
import dev.runnel.log.LogException;
import dev.runnel.log.PartitionLog;
import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Appends produced record batches to the partitions this store leads. Each partition's append runs on
 * that partition's ordered queue (blocking file I/O, never on an event loop); the partitions of one
 * request run in parallel and the response lists them in request order.
 *
 * <p>Per partition: unknown → UNKNOWN_TOPIC_OR_PARTITION; not led here → NOT_LEADER_OR_FOLLOWER; the
 * sender's leader epoch, when given, must be the current one (older → FENCED_LEADER_EPOCH, newer →
 * UNKNOWN_LEADER_EPOCH); the log's own refusals map through {@link LogErrors}. An idempotent retry the
 * log recognises answers NONE with the original base offset.
 */
public final class ProduceHandler {
    private final int brokerId;
    private final PartitionRegistry registry;
    private final FetchPurgatory purgatory;

    public ProduceHandler(PartitionRegistry registry, FetchPurgatory purgatory) {
        this.brokerId = registry.brokerId();
        this.registry = registry;
        this.purgatory = purgatory;
    }

    public CompletableFuture<ProduceResponse> handle(ProduceRequest request) {
        List<CompletableFuture<PartitionProduceResult>> results = request.partitions().stream()
                .map(records -> append(request.acks(), records))
                .toList();
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> new ProduceResponse(results.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<PartitionProduceResult> append(short acks, PartitionRecords records) {
        if (acks != 0 && acks != 1 && acks != -1) {
            return failed(records, ErrorCode.INVALID_REQUIRED_ACKS, "acks must be 0, 1 or -1, not " + acks);
        }
        if (records.records() == null || records.records().length() == 0) {
            return failed(records, ErrorCode.INVALID_RECORD, "no record batches");
        }
        Optional<Partition> partition = registry.partition(records.topic(), records.partition());
        if (partition.isEmpty()) {
            return failed(records, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                    "This store holds no replica of " + records.topic() + "-" + records.partition());
        }
        Partition p = partition.get();
        return p.runOrdered(() -> appendNow(p, acks, records))
                .exceptionally(e -> PartitionProduceResult.failed(records.topic(), records.partition(),
                        LogErrors.errorCode(e), LogErrors.message(e)));
    }

    /** Runs on the partition's ordered queue. */
    private PartitionProduceResult appendNow(Partition p, short acks, PartitionRecords records) {
        if (p.isClosed()) {
            return failedNow(records, ErrorCode.NOT_LEADER_OR_FOLLOWER, "The replica of " + p.topicPartition() + " was closed");
        }
        Leadership leadership = p.leadership();
        ErrorCode leaderError = leadership.checkLeader(brokerId, records.leaderEpoch());
        if (leaderError != ErrorCode.NONE) {
            return failedNow(records, leaderError, "Broker " + brokerId + " cannot append to " + p.topicPartition()
                    + " at leader epoch " + records.leaderEpoch() + ": leader is " + leadership.leader()
                    + " at epoch " + leadership.leaderEpoch());
        }
        if (acks == -1 && leadership.isr().size() < p.minInsyncReplicas()) {
            return failedNow(records, ErrorCode.NOT_ENOUGH_REPLICAS, "In-sync replicas " + leadership.isr()
                    + " of " + p.topicPartition() + " are fewer than min.insync.replicas=" + p.minInsyncReplicas());
        }
        PartitionLog log = p.log();
        LogAppendInfo info;
        try {
            info = log.appendAsLeader(ownedBuffer(records.records()), leadership.leaderEpoch());
        } catch (LogException e) {
            return failedNow(records, LogErrors.errorCode(e), LogErrors.message(e));
        }
        // With this store the only in-sync replica the append is committed at once; with followers in
        // the ISR, replication advances the high watermark.
        if (leadership.isOnlyInSyncReplica(brokerId)) {
            log.updateHighWatermark(log.logEndOffset());
            purgatory.onAppend(p.topicPartition());
        }
        return new PartitionProduceResult(records.topic(), records.partition(), ErrorCode.NONE, null,
                info.firstOffset(), p.usesLogAppendTime() ? info.logAppendTime() : -1, log.logStartOffset());
    }

    /**
     * The batches as a buffer the log may change: it assigns offsets in place. A writable view of the
     * received bytes is used as is; a read-only one is copied once.
     */
    static ByteBuffer ownedBuffer(Buffer records) {
        ByteBuffer view = records.getByteBuf().nioBuffer();
        if (!view.isReadOnly()) {
            return view;
        }
        ByteBuffer copy = ByteBuffer.allocate(view.remaining());
        copy.put(view).flip();
        return copy;
    }

    private static CompletableFuture<PartitionProduceResult> failed(PartitionRecords records, ErrorCode error, String message) {
        return CompletableFuture.completedFuture(failedNow(records, error, message));
    }

    private static PartitionProduceResult failedNow(PartitionRecords records, ErrorCode error, String message) {
        return PartitionProduceResult.failed(records.topic(), records.partition(), error, message);
    }
}
