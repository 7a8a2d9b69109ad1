package dev.runnel.gateway.core;

import dev.runnel.bus.Addresses;
import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsResult;
import dev.runnel.bus.control.MetadataRequest;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.bus.control.ProducerIdResult;
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
import dev.runnel.wire.ControllerUnavailableException;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The gateway's {@link KafkaBackend}: routes each partition to its leading store over the clustered
 * event bus, and topic operations to the active replica-manager.
 *
 * <p>Every future completes on the caller's Vert.x context (event-bus replies are delivered there), so
 * the merging below needs no locks. A store that cannot be reached turns into a retriable Kafka error for
 * its partitions (NOT_LEADER_OR_FOLLOWER), so clients refresh metadata and retry rather than fail.
 */
public final class BusBackend implements KafkaBackend {
    private static final Logger LOG = Logger.getLogger(BusBackend.class);
    /** Extra time the bus waits beyond the time the store itself may take. */
    private static final long BUS_MARGIN_MS = 5_000;
    private static final long CONTROL_TIMEOUT_MS = 30_000;

    private final EventBus bus;
    private final MetadataCache metadata;
    private final Router router;
    private final java.util.concurrent.atomic.AtomicBoolean refreshing = new java.util.concurrent.atomic.AtomicBoolean();
    private final BusRequestObserver busObserver;

    public BusBackend(EventBus bus, MetadataCache metadata) {
        this(bus, metadata, BusRequestObserver.NONE);
    }

    public BusBackend(EventBus bus, MetadataCache metadata, BusRequestObserver busObserver) {
        this.bus = bus;
        this.metadata = metadata;
        this.router = new Router(metadata);
        this.busObserver = busObserver;
    }

    @Override
    public Future<ClusterMetadata> metadata() {
        return metadata.current().map(Future::succeededFuture).orElseGet(this::refreshMetadata);
    }

    /** Asks the replica-manager for the newest metadata and caches it. */
    public Future<ClusterMetadata> refreshMetadata() {
        return this.<ClusterMetadata>control(Addresses.CONTROLLER_METADATA, new MetadataRequest("gateway"))
                .map(fresh -> {
                    metadata.apply(fresh);
                    return metadata.current().orElse(fresh);
                });
    }

    @Override
    public Future<ProduceResponse> produce(ProduceRequest request) {
        List<PartitionProduceResult> results = new ArrayList<>();
        Map<Integer, List<PartitionRecords>> byLeader = router.byLeader(request.partitions(),
                PartitionRecords::topic, PartitionRecords::partition,
                (p, error) -> results.add(PartitionProduceResult.failed(p.topic(), p.partition(), error, null)));
        List<Future<List<PartitionProduceResult>>> sent = new ArrayList<>();
        byLeader.forEach((leader, partitions) -> sent.add(
                this.<ProduceResponse>data(Addresses.storeProduce(leader),
                                new ProduceRequest(request.acks(), request.timeoutMs(), withLeaderEpochs(partitions)), request.timeoutMs())
                        .map(ProduceResponse::partitions)
                        .otherwise(failure -> failAll(partitions, failure, p ->
                                PartitionProduceResult.failed(p.topic(), p.partition(), storeError(failure), failure.getMessage())))));
        return Future.join(sent).map(done -> {
            sent.forEach(f -> results.addAll(f.result()));
            if (results.stream().anyMatch(r -> isStaleRoute(r.error()))) {
                refreshSoon();
            }
            return new ProduceResponse(results);
        });
    }

    /**
     * Stamps each partition with the leader epoch this gateway routed it by, so a store that no longer
     * leads at that epoch refuses it (FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH) rather than appending on
     * stale routing; the Kafka client refreshes metadata and retries.
     */
    private List<PartitionRecords> withLeaderEpochs(List<PartitionRecords> partitions) {
        return partitions.stream().map(p -> p.leaderEpoch() >= 0 ? p : metadata.partition(p.topic(), p.partition())
                .map(info -> new PartitionRecords(p.topic(), p.partition(), info.leaderEpoch(), p.records()))
                .orElse(p)).toList();
    }

    private static boolean isStaleRoute(ErrorCode error) {
        return error == ErrorCode.NOT_LEADER_OR_FOLLOWER || error == ErrorCode.FENCED_LEADER_EPOCH
                || error == ErrorCode.UNKNOWN_LEADER_EPOCH;
    }

    /** A store said this gateway's routing is stale: ask the replica-manager (one request at a time) rather than wait for the next publish. */
    private void refreshSoon() {
        if (refreshing.compareAndSet(false, true)) {
            refreshMetadata().onComplete(done -> refreshing.set(false));
        }
    }

    @Override
    public Future<FetchResponse> fetch(FetchRequest request) {
        Map<String, PartitionFetchResult> results = new HashMap<>();
        Map<Integer, List<PartitionFetch>> byLeader = router.byLeader(request.partitions(),
                PartitionFetch::topic, PartitionFetch::partition,
                (p, error) -> results.put(key(p.topic(), p.partition()), PartitionFetchResult.failed(p.topic(), p.partition(), fetchError(error))));
        Promise<FetchResponse> answer = Promise.promise();
        if (byLeader.isEmpty()) {
            answer.complete(inRequestOrder(request, results));
            return answer.future();
        }
        int[] pending = {byLeader.size()};
        long[] bytes = {0};
        byLeader.forEach((leader, partitions) ->
                this.<FetchResponse>data(Addresses.storeFetch(leader),
                                new FetchRequest(request.maxWaitMs(), request.minBytes(), request.maxBytes(), partitions), request.maxWaitMs())
                        .map(FetchResponse::partitions)
                        .otherwise(failure -> failAll(partitions, failure, p ->
                                PartitionFetchResult.failed(p.topic(), p.partition(), storeError(failure))))
                        .onSuccess(partial -> {
                            for (PartitionFetchResult r : partial) {
                                results.put(key(r.topic(), r.partition()), r);
                                bytes[0] += r.records().length();
                            }
                            // answer when every store has, or as soon as enough bytes are in: the others'
                            // partitions go back empty and the consumer simply fetches them again
                            if (--pending[0] == 0 || bytes[0] >= Math.max(1, request.minBytes())) {
                                answer.tryComplete(inRequestOrder(request, results));
                            }
                        }));
        return answer.future();
    }

    @Override
    public Future<ListOffsetsResponse> listOffsets(ListOffsetsRequest request) {
        List<PartitionOffset> results = new ArrayList<>();
        Map<Integer, List<PartitionTimestamp>> byLeader = router.byLeader(request.partitions(),
                PartitionTimestamp::topic, PartitionTimestamp::partition,
                (p, error) -> results.add(new PartitionOffset(p.topic(), p.partition(), error, -1, -1, -1)));
        List<Future<List<PartitionOffset>>> sent = new ArrayList<>();
        byLeader.forEach((leader, partitions) -> sent.add(
                this.<ListOffsetsResponse>data(Addresses.storeListOffsets(leader), new ListOffsetsRequest(partitions), 0)
                        .map(ListOffsetsResponse::partitions)
                        .otherwise(failure -> failAll(partitions, failure, p ->
                                new PartitionOffset(p.topic(), p.partition(), storeError(failure), -1, -1, -1)))));
        return Future.join(sent).map(done -> {
            sent.forEach(f -> results.addAll(f.result()));
            return new ListOffsetsResponse(results);
        });
    }

    @Override
    public Future<TopicResults> createTopics(CreateTopicsRequest request) {
        return topicOperation(Addresses.CONTROLLER_CREATE_TOPICS, request,
                request.topics().stream().map(t -> t.name()).toList());
    }

    @Override
    public Future<TopicResults> deleteTopics(DeleteTopicsRequest request) {
        return topicOperation(Addresses.CONTROLLER_DELETE_TOPICS, request, request.names());
    }

    @Override
    public Future<TopicResults> createPartitions(CreatePartitionsRequest request) {
        return topicOperation(Addresses.CONTROLLER_CREATE_PARTITIONS, request,
                request.topics().stream().map(t -> t.name()).toList());
    }

    @Override
    public Future<TopicResults> alterConfigs(AlterConfigsRequest request) {
        return topicOperation(Addresses.CONTROLLER_ALTER_CONFIGS, request,
                request.topics().stream().map(t -> t.name()).toList());
    }

    @Override
    public Future<ProducerIdResult> initProducerId(InitProducerIdRequest request) {
        return this.<ProducerIdResult>control(Addresses.CONTROLLER_INIT_PRODUCER_ID, request)
                .otherwise(failure -> new ProducerIdResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, -1, (short) -1));
    }

    /**
     * Reassignments change replicas, so the metadata is refreshed before answering (as for topic operations):
     * a client that describes the topic next sees the move under way.
     */
    @Override
    public Future<AlterReassignmentsResult> alterReassignments(AlterReassignmentsRequest request) {
        return this.<AlterReassignmentsResult>control(Addresses.CONTROLLER_ALTER_REASSIGNMENTS, request)
                .recover(failure -> Future.failedFuture(controllerUnavailable(failure)))
                .compose(result -> refreshMetadata().map(result).otherwise(result));
    }

    @Override
    public Future<ListReassignmentsResult> listReassignments(ListReassignmentsRequest request) {
        return this.<ListReassignmentsResult>control(Addresses.CONTROLLER_LIST_REASSIGNMENTS, request)
                .recover(failure -> Future.failedFuture(controllerUnavailable(failure)));
    }

    /**
     * The Kafka error for a controller request without an answer: no active replica-manager (none registered,
     * or one between leases) is NOT_CONTROLLER, which Kafka's AdminClient retries; a timeout is
     * REQUEST_TIMED_OUT, since the change may have been made.
     */
    static ControllerUnavailableException controllerUnavailable(Throwable failure) {
        ErrorCode error = failure instanceof ReplyException reply ? switch (reply.failureType()) {
            case NO_HANDLERS -> ErrorCode.NOT_CONTROLLER;
            case TIMEOUT -> ErrorCode.REQUEST_TIMED_OUT;
            default -> ErrorCode.UNKNOWN_SERVER_ERROR;
        } : ErrorCode.UNKNOWN_SERVER_ERROR;
        return new ControllerUnavailableException(error, "replica-manager did not answer: " + failure.getMessage(), failure);
    }

    /**
     * A topic operation on the replica-manager. The metadata is refreshed before answering, so a client
     * that creates a topic and then asks for metadata sees it. An unreachable controller answers every
     * topic with NOT_CONTROLLER, which Kafka's AdminClient retries.
     */
    private Future<TopicResults> topicOperation(String address, Object request, List<String> names) {
        return this.<TopicResults>control(address, request)
                .compose(results -> refreshMetadata().map(results).otherwise(results))
                .otherwise(failure -> new TopicResults(names.stream()
                        .map(name -> TopicResult.failed(name, ErrorCode.NOT_CONTROLLER,
                                "replica-manager unavailable: " + failure.getMessage()))
                        .toList()));
    }

    private <T> Future<T> control(String address, Object request) {
        long start = System.nanoTime();
        return bus.<T>request(address, request, new DeliveryOptions().setSendTimeout(CONTROL_TIMEOUT_MS))
                .onComplete(ar -> busObserver.completed(BusAddressKind.of(address), System.nanoTime() - start, ar.succeeded()))
                .map(Message::body);
    }

    private <T> Future<T> data(String address, Object request, long storeMayTakeMs) {
        long start = System.nanoTime();
        return bus.<T>request(address, request, new DeliveryOptions().setSendTimeout(storeMayTakeMs + BUS_MARGIN_MS))
                .onComplete(ar -> busObserver.completed(BusAddressKind.of(address), System.nanoTime() - start, ar.succeeded()))
                .map(Message::body);
    }

    private static <P, R> List<R> failAll(List<P> partitions, Throwable failure, Function<P, R> toResult) {
        LOG.debugf("store request failed: %s", failure.getMessage());
        return partitions.stream().map(toResult).toList();
    }

    /**
     * Fetch has no LEADER_NOT_AVAILABLE: a consumer treats it as fatal. A partition between leaders (e.g.
     * its only store restarting) answers NOT_LEADER_OR_FOLLOWER, as a Kafka broker does, and the consumer
     * refreshes its metadata and fetches again.
     */
    static ErrorCode fetchError(ErrorCode routingError) {
        return routingError == ErrorCode.LEADER_NOT_AVAILABLE ? ErrorCode.NOT_LEADER_OR_FOLLOWER : routingError;
    }

    /** The Kafka error a client should see when its partition's store could not answer. */
    static ErrorCode storeError(Throwable failure) {
        if (failure instanceof ReplyException reply) {
            return switch (reply.failureType()) {
                // the store is gone or not yet there: retriable, the client refreshes metadata and retries
                case NO_HANDLERS -> ErrorCode.NOT_LEADER_OR_FOLLOWER;
                case TIMEOUT -> ErrorCode.REQUEST_TIMED_OUT;
                case RECIPIENT_FAILURE -> ErrorCode.forCode(reply.failureCode());
                default -> ErrorCode.UNKNOWN_SERVER_ERROR;
            };
        }
        return ErrorCode.UNKNOWN_SERVER_ERROR;
    }

    private static FetchResponse inRequestOrder(FetchRequest request, Map<String, PartitionFetchResult> results) {
        List<PartitionFetchResult> ordered = new ArrayList<>(request.partitions().size());
        for (PartitionFetch p : request.partitions()) {
            PartitionFetchResult r = results.get(key(p.topic(), p.partition()));
            ordered.add(r != null ? r : new PartitionFetchResult(p.topic(), p.partition(), ErrorCode.NONE,
                    -1, -1, -1, io.vertx.core.buffer.Buffer.buffer()));
        }
        return new FetchResponse(ordered);
    }

    private static String key(String topic, int partition) {
        return topic + '\u0000' + partition;
    }
}
