package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.ReplicaFetchRequest;
import dev.runnel.bus.data.ReplicaFetchResponse;
import dev.runnel.bus.data.ReplicaPartitionData;
import dev.runnel.bus.data.ReplicaPartitionFetch;
import dev.runnel.log.EpochEndOffset;
import dev.runnel.log.EpochEntry;
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
 * Serves followers' fetches for the partitions this store leads (the leader's half of Kafka's replica
 * fetch). Per partition, in order:
 * <ol>
 *   <li>this store must lead at the follower's {@code currentLeaderEpoch} (else NOT_LEADER_OR_FOLLOWER,
 *       FENCED_LEADER_EPOCH or UNKNOWN_LEADER_EPOCH) and the follower must be a replica;</li>
 *   <li>the follower's last fetched epoch must end, in this log, at or after its fetch offset — otherwise
 *       the logs diverged and the answer names the largest epoch this log has up to that one and where it
 *       ends here, with no records: the follower truncates and asks again (KIP-320's divergence check);</li>
 *   <li>a fetch offset outside [log start, log end] answers OFFSET_OUT_OF_RANGE with both bounds;</li>
 *   <li>otherwise the fetch offset is recorded as the follower's log end ({@link LeaderReplication}, which
 *       may move the high watermark and grow the ISR) and whole batches from there are returned, beyond
 *       the high watermark.</li>
 * </ol>
 * A fetch that finds nothing waits in the {@link FetchPurgatory} like a consumer's until an append or
 * maxWaitMs. Reads run on the reader pool.
 */
public final class ReplicaFetchHandler {
    private final int brokerId;
    private final PartitionRegistry registry;
    private final FetchPurgatory purgatory;
    private final LeaderReplication replication;
    private final Executor readers;

    public ReplicaFetchHandler(PartitionRegistry registry, FetchPurgatory purgatory, LeaderReplication replication, Executor readers) {
        this.brokerId = registry.brokerId();
        this.registry = registry;
        this.purgatory = purgatory;
        this.replication = replication;
        this.readers = readers;
    }

    public CompletableFuture<ReplicaFetchResponse> handle(ReplicaFetchRequest request) {
        Set<TopicPartition> partitions = request.partitions().stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toSet());
        return purgatory.readOrPark(partitions, request.minBytes(), request.maxWaitMs(), () -> read(request), readers);
    }

    FetchOutcome<ReplicaFetchResponse> read(ReplicaFetchRequest request) {
        List<ReplicaPartitionData> results = new ArrayList<>(request.partitions().size());
        int total = 0;
        boolean answerNow = false;
        for (ReplicaPartitionFetch fetch : request.partitions()) {
            ReplicaPartitionData data = readPartition(request.replicaId(), fetch, request.maxBytes() - total, total == 0);
            results.add(data);
            total += data.records().length();
            answerNow |= data.error() != ErrorCode.NONE || data.diverged();
        }
        return new FetchOutcome<>(new ReplicaFetchResponse(results), total, answerNow);
    }

    private ReplicaPartitionData readPartition(int replicaId, ReplicaPartitionFetch fetch, int remainingBytes, boolean first) {
        Optional<Partition> partition = registry.partition(fetch.topic(), fetch.partition());
        if (partition.isEmpty()) {
            return ReplicaPartitionData.failed(fetch.topic(), fetch.partition(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
        Partition p = partition.get();
        Leadership leadership = p.leadership();
        ErrorCode leaderError = leadership.checkLeader(brokerId, fetch.currentLeaderEpoch());
        if (leaderError == ErrorCode.NONE && !leadership.replicas().contains(replicaId)) {
            leaderError = ErrorCode.NOT_LEADER_OR_FOLLOWER;
        }
        if (leaderError != ErrorCode.NONE) {
            return ReplicaPartitionData.failed(fetch.topic(), fetch.partition(), leaderError);
        }
        PartitionLog log = p.log();
        try {
            long logStart = log.logStartOffset();
            long logEnd = log.logEndOffset();
            if (fetch.lastFetchedEpoch() >= 0) {
                EpochEndOffset ours = endOffsetFor(log, fetch.lastFetchedEpoch());
                if (ours.epoch() != fetch.lastFetchedEpoch() || ours.endOffset() < fetch.fetchOffset()) {
                    return new ReplicaPartitionData(fetch.topic(), fetch.partition(), ErrorCode.NONE, log.highWatermark(),
                            logStart, logEnd, ours.epoch(), ours.endOffset(), Buffer.buffer());
                }
            }
            if (fetch.fetchOffset() < logStart || fetch.fetchOffset() > logEnd) {
                return new ReplicaPartitionData(fetch.topic(), fetch.partition(), ErrorCode.OFFSET_OUT_OF_RANGE,
                        log.highWatermark(), logStart, logEnd, -1, -1, Buffer.buffer());
            }
            replication.onFollowerFetch(p, leadership, replicaId, fetch.fetchOffset());
            long highWatermark = log.highWatermark();
            ByteBuffer records = ByteBuffer.allocate(0);
            if (remainingBytes > 0 || first) {
                LogReadInfo info = log.read(fetch.fetchOffset(), Math.min(fetch.maxBytes(), Math.max(remainingBytes, 0)), Long.MAX_VALUE);
                records = info.records();
                if (!first && records.remaining() > remainingBytes) {
                    records = RecordBatches.wholeBatchesWithin(records, remainingBytes);
                }
            }
            return new ReplicaPartitionData(fetch.topic(), fetch.partition(), ErrorCode.NONE, highWatermark, log.logStartOffset(),
                    log.logEndOffset(), -1, -1, Buffer.buffer(Unpooled.wrappedBuffer(records)));
        } catch (LogException e) {
            return ReplicaPartitionData.failed(fetch.topic(), fetch.partition(), LogErrors.errorCode(e));
        } catch (RuntimeException e) {
            if (p.isClosed()) {
                return ReplicaPartitionData.failed(fetch.topic(), fetch.partition(), ErrorCode.NOT_LEADER_OR_FOLLOWER);
            }
            throw e;
        }
    }

    /**
     * Where {@code epoch} ends in this leader's log. The log records an epoch only when a batch is appended
     * in it, so a leader that has not yet written in its own epoch answers an epoch newer than any it knows
     * with its latest epoch ending at its log end (Kafka's leader records its epoch on election instead).
     */
    static EpochEndOffset endOffsetFor(PartitionLog log, int epoch) {
        EpochEndOffset known = log.leaderEpochs().endOffsetFor(epoch);
        if (known.epoch() >= 0) {
            return known;
        }
        Optional<EpochEntry> latest = log.leaderEpochs().latestEntry();
        return new EpochEndOffset(latest.map(EpochEntry::epoch).orElse(EpochEndOffset.UNDEFINED), log.logEndOffset());
    }
}
