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
 *
 * <p>acks=0/1 answer after the leader's append; acks=all refuses up front with NOT_ENOUGH_REPLICAS when
 * the ISR is smaller than min.insync.replicas, and otherwise answers once the high watermark passes the
 * batch ({@link ProducePurgatory}), without holding the partition's queue while it waits.
 */
public final class ProduceHandler {
    private final int brokerId;
    private final PartitionRegistry registry;
    private final LeaderReplication replication;
    private final ProducePurgatory producePurgatory;

    public ProduceHandler(PartitionRegistry registry, LeaderReplication replication, ProducePurgatory producePurgatory) {
        this.brokerId = registry.brokerId();
        this.registry = registry;
        this.replication = replication;
        this.producePurgatory = producePurgatory;
    }

    /** An append done; with acks=all the answer waits until the high watermark reaches {@code requiredOffset}. */
    private record Appended(PartitionProduceResult result, boolean awaitReplication, int leaderEpoch, long requiredOffset) {
        static Appended answer(PartitionProduceResult result) {
            return new Appended(result, false, -1, -1);
        }
    }

    public CompletableFuture<ProduceResponse> handle(ProduceRequest request) {
        List<CompletableFuture<PartitionProduceResult>> results = request.partitions().stream()
                .map(records -> append(request.acks(), request.timeoutMs(), records))
                .toList();
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                .thenApply(done -> new ProduceResponse(results.stream().map(CompletableFuture::join).toList()));
    }

    private CompletableFuture<PartitionProduceResult> append(short acks, int timeoutMs, PartitionRecords records) {
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
                .thenCompose(appended -> appended.awaitReplication()
                        ? producePurgatory.await(p, appended.leaderEpoch(), appended.requiredOffset(), timeoutMs, appended.result())
                        : CompletableFuture.completedFuture(appended.result()))
                .exceptionally(e -> PartitionProduceResult.failed(records.topic(), records.partition(),
                        LogErrors.errorCode(e), LogErrors.message(e)));
    }

    /** Runs on the partition's ordered queue. */
    private Appended appendNow(Partition p, short acks, PartitionRecords records) {
        if (p.isClosed()) {
            return failedAppend(records, ErrorCode.NOT_LEADER_OR_FOLLOWER, "The replica of " + p.topicPartition() + " was closed");
        }
        Leadership leadership = p.leadership();
        ErrorCode leaderError = leadership.checkLeader(brokerId, records.leaderEpoch());
        if (leaderError != ErrorCode.NONE) {
            return failedAppend(records, leaderError, "Broker " + brokerId + " cannot append to " + p.topicPartition()
                    + " at leader epoch " + records.leaderEpoch() + ": leader is " + leadership.leader()
                    + " at epoch " + leadership.leaderEpoch());
        }
        if (acks == -1 && leadership.isr().size() < p.minInsyncReplicas()) {
            return failedAppend(records, ErrorCode.NOT_ENOUGH_REPLICAS, "In-sync replicas " + leadership.isr()
                    + " of " + p.topicPartition() + " are fewer than min.insync.replicas=" + p.minInsyncReplicas());
        }
        PartitionLog log = p.log();
        LogAppendInfo info;
        try {
            info = log.appendAsLeader(ownedBuffer(records.records()), leadership.leaderEpoch());
        } catch (LogException e) {
            return failedAppend(records, LogErrors.errorCode(e), LogErrors.message(e));
        }
        // wakes the followers; with this store the only in-sync replica the high watermark moves at once
        replication.onLeaderAppend(p);
        PartitionProduceResult success = new PartitionProduceResult(records.topic(), records.partition(), ErrorCode.NONE, null,
                info.firstOffset(), p.usesLogAppendTime() ? info.logAppendTime() : -1, log.logStartOffset());
        // acks=0/1: answered after the leader's append; acks=all: once the ISR has it (an idempotent retry
        // of a batch already in the log waits the same way for that batch)
        return acks == -1 ? new Appended(success, true, leadership.leaderEpoch(), info.lastOffset() + 1) : Appended.answer(success);
    }

    private static Appended failedAppend(PartitionRecords records, ErrorCode error, String message) {
        return Appended.answer(failedNow(records, error, message));
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
