package dev.runnel.wire;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsResult;
import dev.runnel.bus.control.OngoingReassignment;
import dev.runnel.bus.control.ReassignmentRequest;
import dev.runnel.bus.control.ReassignmentResult;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.bus.control.TopicResults;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionFetchResult;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.apache.kafka.common.record.Record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link KafkaBackend} that keeps every topic in memory: a list of batches per partition, offsets
 * assigned by rewriting each batch's base offset in a private copy. Enough of a store to prove the
 * protocol layer with real clients; thread-safe by synchronising every operation.
 */
final class InMemoryBackend implements KafkaBackend {

    private record StoredBatch(long baseOffset, long lastOffset, ByteBuffer bytes) {
    }

    private static final class Topic {
        final UUID id = UUID.randomUUID();
        final Map<String, String> configs = new LinkedHashMap<>();
        final List<List<StoredBatch>> partitions = new ArrayList<>();
        short replicationFactor;
    }

    /** The store every partition lives on, and the other stores a reassignment may move a partition to. */
    static final int STORE = 7;
    static final Set<Integer> KNOWN_STORES = Set.of(STORE, 8, 9);

    private final Vertx vertx;
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    /** Reassignments in progress: they never complete here, so they can be listed and cancelled. */
    private final Map<TopicPartitionRef, List<Integer>> moving = new LinkedHashMap<>();
    /** When set, calls that need the controller fail with this error. */
    private volatile Optional<ErrorCode> controllerUnavailable = Optional.empty();
    private long producerIds = 1000;
    private long metadataVersion;
    /** When set, produce requests wait for it before appending (to make a request slow on purpose). */
    private volatile Future<Void> produceGate = Future.succeededFuture();
    final AtomicInteger metadataCalls = new AtomicInteger();
    final AtomicInteger produceCalls = new AtomicInteger();

    InMemoryBackend(Vertx vertx) {
        this.vertx = vertx;
    }

    void controllerUnavailable(Optional<ErrorCode> error) {
        this.controllerUnavailable = error;
    }

    void holdProduces(Future<Void> gate) {
        this.produceGate = gate;
    }

    synchronized void createTopic(String name, int partitions) {
        createTopics(new CreateTopicsRequest(List.of(new CreateTopicRequest(name, partitions, (short) 1, Map.of())), false));
    }

    @Override
    public synchronized Future<ClusterMetadata> metadata() {
        metadataCalls.incrementAndGet();
        List<TopicInfo> infos = new ArrayList<>();
        topics.forEach((name, t) -> {
            List<PartitionInfo> parts = new ArrayList<>();
            for (int p = 0; p < t.partitions.size(); p++) {
                parts.add(new PartitionInfo(p, STORE, 0, List.of(STORE), List.of(STORE)));
            }
            infos.add(new TopicInfo(name, t.id, Map.copyOf(t.configs), parts));
        });
        return Future.succeededFuture(new ClusterMetadata(metadataVersion, "in-memory",
                List.of(new StoreInfo(STORE, null, "127.0.0.1:0")), infos));
    }

    @Override
    public Future<ProduceResponse> produce(ProduceRequest request) {
        produceCalls.incrementAndGet();
        return produceGate.map(v -> append(request));
    }

    private synchronized ProduceResponse append(ProduceRequest request) {
        List<PartitionProduceResult> results = new ArrayList<>();
        for (PartitionRecords pr : request.partitions()) {
            Topic topic = topics.get(pr.topic());
            if (topic == null || pr.partition() < 0 || pr.partition() >= topic.partitions.size()) {
                results.add(PartitionProduceResult.failed(pr.topic(), pr.partition(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                        "no such partition"));
                continue;
            }
            List<StoredBatch> log = topic.partitions.get(pr.partition());
            long next = nextOffset(log);
            long base = next;
            ByteBuffer copy = ByteBuffer.wrap(pr.records().getBytes());
            for (MutableRecordBatch batch : MemoryRecords.readableRecords(copy).batches()) {
                long count = batch.lastOffset() - batch.baseOffset() + 1;
                batch.setLastOffset(next + count - 1);
                next += count;
            }
            log.add(new StoredBatch(base, next - 1, copy));
            results.add(new PartitionProduceResult(pr.topic(), pr.partition(), ErrorCode.NONE, null, base, -1, 0));
        }
        return new ProduceResponse(results);
    }

    private static long nextOffset(List<StoredBatch> log) {
        return log.isEmpty() ? 0 : log.get(log.size() - 1).lastOffset() + 1;
    }

    @Override
    public Future<FetchResponse> fetch(FetchRequest request) {
        Promise<FetchResponse> promise = Promise.promise();
        long deadline = System.currentTimeMillis() + request.maxWaitMs();
        poll(request, deadline, promise);
        return promise.future();
    }

    private void poll(FetchRequest request, long deadline, Promise<FetchResponse> promise) {
        FetchResponse response = read(request);
        long bytes = response.partitions().stream().mapToLong(p -> p.records().length()).sum();
        boolean error = response.partitions().stream().anyMatch(p -> p.error() != ErrorCode.NONE);
        if (bytes >= Math.max(1, request.minBytes()) || error || System.currentTimeMillis() >= deadline) {
            promise.complete(response);
        } else {
            vertx.setTimer(10, id -> poll(request, deadline, promise));
        }
    }

    private synchronized FetchResponse read(FetchRequest request) {
        List<PartitionFetchResult> results = new ArrayList<>();
        for (PartitionFetch pf : request.partitions()) {
            Topic topic = topics.get(pf.topic());
            if (topic == null || pf.partition() >= topic.partitions.size()) {
                results.add(PartitionFetchResult.failed(pf.topic(), pf.partition(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
                continue;
            }
            List<StoredBatch> log = topic.partitions.get(pf.partition());
            long hw = nextOffset(log);
            if (pf.fetchOffset() > hw || pf.fetchOffset() < 0) {
                results.add(PartitionFetchResult.failed(pf.topic(), pf.partition(), ErrorCode.OFFSET_OUT_OF_RANGE));
                continue;
            }
            Buffer out = Buffer.buffer();
            for (StoredBatch b : log) {
                if (b.lastOffset() >= pf.fetchOffset() && (out.length() == 0 || out.length() + b.bytes().remaining() <= pf.maxBytes())) {
                    out.appendBytes(b.bytes().array(), b.bytes().arrayOffset(), b.bytes().remaining());
                }
            }
            results.add(new PartitionFetchResult(pf.topic(), pf.partition(), ErrorCode.NONE, hw, hw, 0, out));
        }
        return new FetchResponse(results);
    }

    @Override
    public synchronized Future<ListOffsetsResponse> listOffsets(ListOffsetsRequest request) {
        List<PartitionOffset> answers = new ArrayList<>();
        for (PartitionTimestamp q : request.partitions()) {
            Topic topic = topics.get(q.topic());
            if (topic == null || q.partition() >= topic.partitions.size()) {
                answers.add(new PartitionOffset(q.topic(), q.partition(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1, -1, -1));
                continue;
            }
            List<StoredBatch> log = topic.partitions.get(q.partition());
            if (q.timestamp() == PartitionTimestamp.EARLIEST) {
                answers.add(new PartitionOffset(q.topic(), q.partition(), ErrorCode.NONE, -1, 0, 0));
            } else if (q.timestamp() == PartitionTimestamp.LATEST) {
                answers.add(new PartitionOffset(q.topic(), q.partition(), ErrorCode.NONE, -1, nextOffset(log), 0));
            } else {
                long bestOffset = -1;
                long bestTime = -1;
                for (StoredBatch b : log) {
                    for (Record r : MemoryRecords.readableRecords(b.bytes().duplicate()).records()) {
                        boolean better = q.timestamp() == PartitionTimestamp.MAX_TIMESTAMP
                                ? r.timestamp() > bestTime
                                : r.timestamp() >= q.timestamp() && bestOffset < 0;
                        if (better) {
                            bestOffset = r.offset();
                            bestTime = r.timestamp();
                        }
                    }
                }
                answers.add(new PartitionOffset(q.topic(), q.partition(), ErrorCode.NONE, bestTime, bestOffset,
                        bestOffset < 0 ? -1 : 0));
            }
        }
        return Future.succeededFuture(new ListOffsetsResponse(answers));
    }

    @Override
    public synchronized Future<TopicResults> createTopics(CreateTopicsRequest request) {
        List<TopicResult> results = new ArrayList<>();
        for (CreateTopicRequest c : request.topics()) {
            int partitions = c.partitions() == -1 ? 1 : c.partitions();
            short rf = c.replicationFactor() == -1 ? 1 : c.replicationFactor();
            if (topics.containsKey(c.name())) {
                results.add(TopicResult.failed(c.name(), ErrorCode.TOPIC_ALREADY_EXISTS, "Topic " + c.name() + " exists"));
                continue;
            }
            Topic t = new Topic();
            t.configs.putAll(c.configs());
            t.replicationFactor = rf;
            for (int p = 0; p < partitions; p++) {
                t.partitions.add(new ArrayList<>());
            }
            if (!request.validateOnly()) {
                topics.put(c.name(), t);
                metadataVersion++;
            }
            results.add(new TopicResult(c.name(), t.id, ErrorCode.NONE, null, partitions, rf, Map.copyOf(t.configs)));
        }
        return Future.succeededFuture(new TopicResults(results));
    }

    @Override
    public synchronized Future<TopicResults> deleteTopics(DeleteTopicsRequest request) {
        List<TopicResult> results = new ArrayList<>();
        for (String name : request.names()) {
            Topic t = topics.remove(name);
            results.add(t == null ? TopicResult.failed(name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "no such topic")
                    : new TopicResult(name, t.id, ErrorCode.NONE, null, t.partitions.size(), t.replicationFactor, Map.of()));
        }
        return Future.succeededFuture(new TopicResults(results));
    }

    @Override
    public synchronized Future<TopicResults> createPartitions(CreatePartitionsRequest request) {
        List<TopicResult> results = new ArrayList<>();
        for (NewPartitions np : request.topics()) {
            Topic t = topics.get(np.name());
            if (t == null) {
                results.add(TopicResult.failed(np.name(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "no such topic"));
            } else if (np.totalCount() <= t.partitions.size()) {
                results.add(TopicResult.failed(np.name(), ErrorCode.INVALID_PARTITIONS,
                        "Topic has " + t.partitions.size() + " partitions, cannot shrink or keep at " + np.totalCount()));
            } else {
                if (!request.validateOnly()) {
                    while (t.partitions.size() < np.totalCount()) {
                        t.partitions.add(new ArrayList<>());
                    }
                }
                results.add(new TopicResult(np.name(), t.id, ErrorCode.NONE, null, np.totalCount(), t.replicationFactor, Map.of()));
            }
        }
        return Future.succeededFuture(new TopicResults(results));
    }

    @Override
    public synchronized Future<TopicResults> alterConfigs(AlterConfigsRequest request) {
        List<TopicResult> results = new ArrayList<>();
        for (AlterConfigsRequest.TopicConfigChange change : request.topics()) {
            Topic t = topics.get(change.name());
            if (t == null) {
                results.add(TopicResult.failed(change.name(), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, "no such topic"));
                continue;
            }
            if (!request.validateOnly()) {
                change.delete().forEach(t.configs::remove);
                t.configs.putAll(change.set());
            }
            results.add(new TopicResult(change.name(), t.id, ErrorCode.NONE, null, t.partitions.size(), t.replicationFactor,
                    Map.copyOf(t.configs)));
        }
        return Future.succeededFuture(new TopicResults(results));
    }

    @Override
    public synchronized Future<ProducerIdResult> initProducerId(InitProducerIdRequest request) {
        return Future.succeededFuture(new ProducerIdResult(ErrorCode.NONE, producerIds++, (short) 0));
    }

    @Override
    public synchronized Future<AlterReassignmentsResult> alterReassignments(AlterReassignmentsRequest request) {
        if (controllerUnavailable.isPresent()) {
            return Future.failedFuture(new ControllerUnavailableException(controllerUnavailable.get(), "controller switched off", null));
        }
        List<ReassignmentResult> results = new ArrayList<>();
        for (ReassignmentRequest r : request.partitions()) {
            Topic topic = topics.get(r.topic());
            TopicPartitionRef key = new TopicPartitionRef(r.topic(), r.partition());
            ErrorCode error = ErrorCode.NONE;
            if (topic == null || r.partition() < 0 || r.partition() >= topic.partitions.size()) {
                error = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
            } else if (r.targetReplicas() == null) {
                error = moving.remove(key) == null ? ErrorCode.NO_REASSIGNMENT_IN_PROGRESS : ErrorCode.NONE;
            } else if (r.targetReplicas().isEmpty() || !KNOWN_STORES.containsAll(r.targetReplicas())
                    || Set.copyOf(r.targetReplicas()).size() != r.targetReplicas().size()) {
                error = ErrorCode.INVALID_REPLICA_ASSIGNMENT;
            } else if (r.targetReplicas().equals(List.of(STORE))) {
                moving.remove(key);
            } else {
                moving.put(key, List.copyOf(r.targetReplicas()));
            }
            results.add(new ReassignmentResult(r.topic(), r.partition(), error,
                    error == ErrorCode.NONE ? null : error + " for " + r.topic() + "-" + r.partition()));
        }
        return Future.succeededFuture(new AlterReassignmentsResult(results));
    }

    @Override
    public synchronized Future<ListReassignmentsResult> listReassignments(ListReassignmentsRequest request) {
        if (controllerUnavailable.isPresent()) {
            return Future.failedFuture(new ControllerUnavailableException(controllerUnavailable.get(), "controller switched off", null));
        }
        List<OngoingReassignment> ongoing = new ArrayList<>();
        moving.forEach((key, target) -> {
            if (request.partitions() == null || request.partitions().contains(key)) {
                List<Integer> replicas = new ArrayList<>(target);
                List<Integer> removing = target.contains(STORE) ? List.of() : List.of(STORE);
                replicas.addAll(removing);
                ongoing.add(new OngoingReassignment(key.topic(), key.partition(), replicas,
                        target.stream().filter(id -> id != STORE).toList(), removing));
            }
        });
        return Future.succeededFuture(new ListReassignmentsResult(ongoing));
    }
}
