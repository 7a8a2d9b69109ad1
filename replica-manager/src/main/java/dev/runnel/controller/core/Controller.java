package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsResult;
import dev.runnel.bus.control.OngoingReassignment;
import dev.runnel.bus.control.ReassignmentRequest;
import dev.runnel.bus.control.ReassignmentResult;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.HeartbeatAck;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.bus.control.TopicResults;
import io.vertx.core.Future;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The replica-manager's logic, free of Quarkus: answers metadata requests, tracks store liveness, and
 * carries out topic requests — decide ({@link TopicPlanner}), persist ({@link MetadataStore}), then apply
 * to {@link ClusterState} and publish the new {@link ClusterMetadata}. A failed write changes nothing.
 *
 * <p>Threading: every method must be called on one Vert.x context (the controller verticle's), and the
 * store's futures complete there too, so state is never touched concurrently. Mutations are additionally
 * queued ({@link SerialExecutor}) so each one decides on the state the previous one left. Reads
 * ({@link #metadata()}, heartbeats) answer at once from memory.
 *
 * <p>Store liveness: a store is dead when its event-bus node leaves the cluster ({@link #storeNodeLeft},
 * fed by the cluster manager's membership) or, as the fallback for a store that hangs without leaving or
 * reports no node, when it has sent no heartbeat for a session timeout ({@link #expireStores}).
 *
 * <p>Replication: {@link #reconcilePartitions} (called every second, when a store joins and when one
 * leaves the cluster) elects new leaders for partitions whose leader's store died, takes dead stores out of ISRs and brings offline
 * partitions back ({@link PartitionElector}); {@link #alterPartition} applies the ISR changes leaders ask
 * for, refusing stale ones; {@link #electPreferredLeaders} moves leadership back to each partition's first
 * replica once it is in sync. Store deaths are only acted on once this controller has been in office for
 * a store session timeout, so a restarted controller first hears from every live store.
 */
public final class Controller {
    private static final System.Logger LOG = System.getLogger(Controller.class.getName());
    /** Kafka answers a validate-only CreateTopics with the zero topic id. */
    static final UUID VALIDATE_ONLY_ID = new UUID(0, 0);

    private final MetadataStore store;
    private final TopicPlanner planner;
    private final Clock clock;
    private final Duration storeSessionTimeout;
    private final Consumer<ClusterMetadata> publisher;
    private final SerialExecutor mutations = new SerialExecutor();
    private Optional<ClusterState> state = Optional.empty();
    private Instant startedAt = Instant.MIN;
    private Optional<Set<Integer>> storePool = Optional.empty();
    private int maxConcurrentMoves = 4;

    /**
     * @param publisher receives the metadata after every change (the bus shell publishes it to
     *                  {@code Addresses.METADATA_UPDATES})
     */
    public Controller(MetadataStore store, TopicPlanner planner, Clock clock, Duration storeSessionTimeout,
                      Consumer<ClusterMetadata> publisher) {
        this.store = store;
        this.planner = planner;
        this.clock = clock;
        this.storeSessionTimeout = storeSessionTimeout;
        this.publisher = publisher;
    }

    /** How many partition moves the balancer runs at once (default 4). */
    public Controller maxConcurrentMoves(int moves) {
        this.maxConcurrentMoves = Math.max(1, moves);
        return this;
    }

    /** Takes office: bumps the controller epoch and loads the topics. Call once before anything else. */
    public Future<ClusterMetadata> start() {
        return store.startSession(Ids.newClusterId())
                .compose(session -> store.loadTopics().compose(topics -> store.loadOwners().map(owners -> {
                    ClusterState loaded = new ClusterState(session.clusterId(), session.controllerEpoch(), storeSessionTimeout);
                    loaded.loadTopics(topics);
                    loaded.loadOwners(owners);
                    state = Optional.of(loaded);
                    startedAt = clock.instant();
                    LOG.log(System.Logger.Level.INFO, "Controller epoch {0} of cluster {1} started with {2} topics",
                            session.controllerEpoch(), session.clusterId(), topics.size());
                    ClusterMetadata metadata = loaded.snapshot();
                    publisher.accept(metadata);
                    return metadata;
                })));
    }

    public ClusterMetadata metadata() {
        return state().snapshot();
    }

    /** Records a store's sign of life; a store that joined (or came back) is published at once. */
    public HeartbeatAck heartbeat(StoreHeartbeat heartbeat) {
        ClusterState current = state();
        StoreChange change = current.storeHeartbeat(heartbeat, clock.instant());
        if (change == StoreChange.RESTARTED) {
            LOG.log(System.Logger.Level.INFO, "Store {0} restarted within its session: now event-bus node {1}",
                    heartbeat.brokerId(), heartbeat.nodeId());
        } else if (change != StoreChange.UNCHANGED) {
            LOG.log(System.Logger.Level.INFO, "Store {0} {1} ({2})", heartbeat.brokerId(),
                    change == StoreChange.JOINED ? "joined" : "updated", heartbeat.httpAddress());
            publisher.accept(current.snapshot());
            if (change == StoreChange.JOINED) {
                reconcilePartitions(); // an offline partition may lead again at once
            }
        }
        return new HeartbeatAck(current.version());
    }

    /**
     * An event-bus node left the cluster (the cluster manager saw its process die or lose contact): the
     * store registered with that node is declared dead at once, without waiting for its session to expire,
     * published, and leadership fails over ({@link #reconcilePartitions}). A store that comes back joins
     * again with its next heartbeat (from a new node id after a restart). Completes with the partition
     * changes made; empty when no live store ran on that node (a gateway, or a store that already
     * restarted elsewhere).
     *
     * <p>The rule of {@link #reconcilePartitions} holds here too: a controller in office for less than a
     * session timeout elects nothing, because its live set may still lack stores it has not heard from yet,
     * and electing against that set would push healthy stores out of ISRs. Membership says which store
     * died, not which others are alive. So in that first window the store still leaves the live set and
     * the metadata at once, and the election follows with the first reconciliation after the window.
     */
    public Future<List<PartitionChange>> storeNodeLeft(String nodeId) {
        ClusterState current = state();
        List<StoreInfo> dead = current.removeStoresOnNode(nodeId);
        if (dead.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        for (StoreInfo store : dead) {
            LOG.log(System.Logger.Level.WARNING, "Store {0} left the event-bus cluster (node {1}): declared dead",
                    store.brokerId(), nodeId);
        }
        publisher.accept(current.snapshot());
        return reconcilePartitions();
    }

    /** Declares dead the stores whose session expired; call periodically (every second). */
    public List<StoreInfo> expireStores() {
        ClusterState current = state();
        List<StoreInfo> dead = current.expireStores(clock.instant());
        if (!dead.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "Stores {0} missed heartbeats for {1} ms: declared dead",
                    dead.stream().map(StoreInfo::brokerId).toList(), storeSessionTimeout.toMillis());
            publisher.accept(current.snapshot());
        }
        return dead;
    }

    /**
     * Elects leaders and trims ISRs after store losses and returns (see {@link PartitionElector}), completes
     * reassignments whose target replicas are all in sync (see {@link Reassignment}), persists every change
     * in one transaction and publishes once. Completes with the changes made. In the first session timeout
     * of office, when not every live store has been heard yet, no leader changes on liveness.
     */
    public Future<List<PartitionChange>> reconcilePartitions() {
        return mutations.submit(() -> {
            ClusterState current = state();
            // liveness is only trusted once every live store had a session timeout to send a heartbeat
            boolean livenessKnown = !clock.instant().isBefore(startedAt.plus(storeSessionTimeout));
            Set<Integer> live = Set.copyOf(current.liveStoreIds());
            List<PartitionChange> changes = new ArrayList<>();
            for (TopicInfo topic : current.topics()) {
                boolean unclean = Boolean.parseBoolean(TopicConfigs.effective(topic.configs(), TopicConfigs.UNCLEAN_LEADER_ELECTION_ENABLE));
                for (PartitionInfo p : topic.partitions()) {
                    Optional<PartitionInfo> elected = livenessKnown ? PartitionElector.afterLiveness(p, live, unclean) : Optional.empty();
                    PartitionInfo base = elected.orElse(p);
                    Optional<PartitionInfo> completed = Reassignment.complete(base, live)
                            .filter(done -> livenessKnown || done.leader() == base.leader());
                    completed.or(() -> elected).ifPresent(next -> changes.add(new PartitionChange(topic.name(), next)));
                }
            }
            return persistAndPublish(changes, "store liveness and reassignments (live stores " + live + ")");
        }).onFailure(e -> LOG.log(System.Logger.Level.ERROR, "Leader election after store liveness changes failed", e));
    }

    /** Gives leadership back to each partition's first replica where it is alive and in sync; call periodically. */
    public Future<List<PartitionChange>> electPreferredLeaders() {
        return mutations.submit(() -> {
            ClusterState current = state();
            Set<Integer> live = Set.copyOf(current.liveStoreIds());
            List<PartitionChange> changes = new ArrayList<>();
            for (TopicInfo topic : current.topics()) {
                for (PartitionInfo p : topic.partitions()) {
                    PartitionElector.preferredLeader(p, live).ifPresent(next -> changes.add(new PartitionChange(topic.name(), next)));
                }
            }
            return persistAndPublish(changes, "preferred leader election");
        }).onFailure(e -> LOG.log(System.Logger.Level.ERROR, "Preferred leader election failed", e));
    }

    /**
     * A leader's ISR change (Kafka's AlterPartition). Accepted only from the current leader at the current
     * leader epoch and partition epoch; the new ISR must hold the leader, only assigned replicas, and add
     * only live stores. An accepted change bumps the partition epoch, is persisted and published.
     */
    public Future<AlterPartitionResult> alterPartition(AlterPartitionRequest request) {
        return mutations.submit(() -> {
            Optional<PartitionInfo> found = state().topic(String.valueOf(request.topic())).flatMap(t -> t.partition(request.partition()));
            if (found.isEmpty()) {
                return Future.succeededFuture(new AlterPartitionResult(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                        "No partition " + request.topic() + "-" + request.partition(), null));
            }
            PartitionInfo p = found.get();
            Optional<AlterPartitionResult> refusal = checkAlterPartition(request, p);
            if (refusal.isPresent()) {
                LOG.log(System.Logger.Level.INFO, "Refused ISR change {0}: {1}", request, refusal.get().message());
                return Future.succeededFuture(refusal.get());
            }
            List<Integer> newIsr = p.replicas().stream().filter(request.newIsr()::contains).toList();
            if (newIsr.equals(p.isr())) {
                return Future.succeededFuture(new AlterPartitionResult(ErrorCode.NONE, null, p));
            }
            PartitionInfo changed = p.withIsr(newIsr);
            return persistAndPublish(List.of(new PartitionChange(request.topic(), changed)),
                    "ISR change asked by leader " + request.brokerId())
                    .map(done -> {
                        if (changed.isReassigning()) {
                            reconcilePartitions(); // the new replicas may all be in sync now
                        }
                        return new AlterPartitionResult(ErrorCode.NONE, null, changed);
                    });
        });
    }

    /**
     * Starts, replaces or cancels partition reassignments (Kafka's AlterPartitionReassignments). Accepted
     * ones are persisted in one transaction and published; they complete in the background (see
     * {@link Reassignment}). A refused partition changes nothing and does not affect the others.
     */
    public Future<AlterReassignmentsResult> alterReassignments(AlterReassignmentsRequest request) {
        return mutations.submit(() -> {
            ClusterState current = state();
            Set<Integer> live = Set.copyOf(current.liveStoreIds());
            List<ReassignmentResult> results = new ArrayList<>();
            List<PartitionChange> changes = new ArrayList<>();
            for (ReassignmentRequest r : orEmpty(request.partitions())) {
                try {
                    PartitionInfo p = current.topic(String.valueOf(r.topic())).flatMap(t -> t.partition(r.partition()))
                            .orElseThrow(() -> new TopicRejectedException(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION,
                                    "No partition " + r.topic() + "-" + r.partition()));
                    if (changes.stream().anyMatch(c -> c.topic().equals(r.topic()) && c.partition().partition() == r.partition())) {
                        throw new TopicRejectedException(ErrorCode.INVALID_REQUEST,
                                "Partition " + r.topic() + "-" + r.partition() + " appears more than once in the request");
                    }
                    PartitionInfo next = r.targetReplicas() == null ? Reassignment.cancel(r.topic(), p, live)
                            : Reassignment.start(r.topic(), p, r.targetReplicas(), live);
                    changes.add(new PartitionChange(r.topic(), next));
                    results.add(new ReassignmentResult(r.topic(), r.partition(), ErrorCode.NONE, null));
                } catch (TopicRejectedException e) {
                    results.add(new ReassignmentResult(r.topic(), r.partition(), e.error(), e.getMessage()));
                }
            }
            return persistAndPublish(changes, "reassignment")
                    .map(done -> new AlterReassignmentsResult(List.copyOf(results)))
                    .otherwise(error -> {
                        LOG.log(System.Logger.Level.ERROR, "Persisting reassignments failed", error);
                        return new AlterReassignmentsResult(results.stream().map(r -> r.error() != ErrorCode.NONE ? r
                                : new ReassignmentResult(r.topic(), r.partition(), ErrorCode.UNKNOWN_SERVER_ERROR,
                                "Metadata store failure: " + error.getMessage())).toList());
                    });
        });
    }

    /** The reassignments in progress (Kafka's ListPartitionReassignments), of the partitions asked about or all. */
    public ListReassignmentsResult listReassignments(ListReassignmentsRequest request) {
        Set<TopicPartitionRef> asked = request.partitions() == null ? null : Set.copyOf(request.partitions());
        List<OngoingReassignment> ongoing = new ArrayList<>();
        for (TopicInfo topic : state().topics()) {
            for (PartitionInfo p : topic.partitions()) {
                if (p.isReassigning() && (asked == null || asked.contains(new TopicPartitionRef(topic.name(), p.partition())))) {
                    ongoing.add(new OngoingReassignment(topic.name(), p.partition(), p.replicas(), p.addingReplicas(),
                            p.removingReplicas()));
                }
            }
        }
        return new ListReassignmentsResult(List.copyOf(ongoing));
    }

    /**
     * Sets the stores partitions should live on (the Kubernetes operator: the StatefulSet's desired stores).
     * From then on {@link #rebalance} drains stores outside the pool and evens replicas and leaders over it.
     * Without a pool (the default, and the local launcher) partitions move only when asked to.
     */
    public void storePool(Set<Integer> members) {
        Set<Integer> next = Set.copyOf(members);
        if (!storePool.equals(Optional.of(next))) {
            LOG.log(System.Logger.Level.INFO, "Store pool is now {0}", new TreeSet<>(next));
            storePool = Optional.of(next);
        }
    }

    /** Where the pool stands: which stores outside it still hold replicas, how many moves run, whether it is even. */
    public StorePoolStatus storePoolStatus() {
        ClusterState current = state();
        Set<Integer> pool = storePool.orElse(Set.of());
        TreeSet<Integer> holding = new TreeSet<>();
        current.topics().forEach(topic -> topic.partitions().forEach(p ->
                p.replicas().stream().filter(id -> !pool.contains(id)).forEach(holding::add)));
        int moving = reassigning(current);
        TreeSet<Integer> missing = new TreeSet<>(pool);
        missing.removeAll(current.liveStoreIds());
        boolean balanced = moving == 0 && holding.isEmpty() && missing.isEmpty()
                && ReplicaBalancer.plan(current.topics(), pool).isEmpty();
        return new StorePoolStatus(new TreeSet<>(pool), missing, holding, moving, balanced);
    }

    /**
     * One balancing step (call periodically): with a store pool whose stores are all alive, starts the
     * moves {@link ReplicaBalancer} plans, at most {@code maxConcurrentMoves} running at once. While a pool
     * store is missing, only drains run (towards the live pool stores), so a slow pod start does not cause
     * moves that must be undone when it arrives.
     */
    public Future<List<PartitionChange>> rebalance() {
        if (storePool.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return mutations.submit(() -> {
            ClusterState current = state();
            Set<Integer> live = Set.copyOf(current.liveStoreIds());
            Set<Integer> pool = storePool.get().stream().filter(live::contains).collect(Collectors.toSet());
            boolean complete = pool.size() == storePool.get().size();
            int running = reassigning(current);
            List<PartitionChange> changes = new ArrayList<>();
            for (ReplicaBalancer.Move move : ReplicaBalancer.plan(current.topics(), pool)) {
                PartitionInfo p = current.topic(move.topic()).flatMap(t -> t.partition(move.partition())).orElseThrow();
                boolean drains = !pool.containsAll(p.replicas());
                if (running >= maxConcurrentMoves || (!complete && !drains)) {
                    continue;
                }
                try {
                    PartitionInfo next = Reassignment.start(move.topic(), p, move.targetReplicas(), live);
                    changes.add(new PartitionChange(move.topic(), next));
                    running += next.isReassigning() ? 1 : 0;
                } catch (TopicRejectedException e) {
                    LOG.log(System.Logger.Level.WARNING, "Balancer move refused: {0}", e.getMessage());
                }
            }
            return persistAndPublish(changes, "balancing over store pool " + new TreeSet<>(storePool.get()));
        }).onFailure(e -> LOG.log(System.Logger.Level.ERROR, "Balancing failed", e));
    }

    private Optional<AlterPartitionResult> checkAlterPartition(AlterPartitionRequest request, PartitionInfo p) {
        if (request.brokerId() != p.leader()) {
            return Optional.of(new AlterPartitionResult(ErrorCode.NOT_LEADER_OR_FOLLOWER,
                    "Store " + request.brokerId() + " does not lead; store " + p.leader() + " does", p));
        }
        if (request.leaderEpoch() != p.leaderEpoch()) {
            return Optional.of(new AlterPartitionResult(request.leaderEpoch() < p.leaderEpoch()
                    ? ErrorCode.FENCED_LEADER_EPOCH : ErrorCode.UNKNOWN_LEADER_EPOCH,
                    "Leader epoch " + request.leaderEpoch() + " is not the current " + p.leaderEpoch(), p));
        }
        if (request.partitionEpoch() != p.partitionEpoch()) {
            return Optional.of(new AlterPartitionResult(ErrorCode.INVALID_UPDATE_VERSION,
                    "Partition epoch " + request.partitionEpoch() + " is not the current " + p.partitionEpoch(), p));
        }
        List<Integer> newIsr = request.newIsr() == null ? List.of() : request.newIsr();
        if (!newIsr.contains(p.leader()) || !p.replicas().containsAll(newIsr) || Set.copyOf(newIsr).size() != newIsr.size()) {
            return Optional.of(new AlterPartitionResult(ErrorCode.INVALID_REQUEST, "ISR " + newIsr
                    + " must hold the leader " + p.leader() + " and only distinct replicas of " + p.replicas(), p));
        }
        List<Integer> dead = newIsr.stream().filter(id -> !p.isr().contains(id) && !state().isLive(id)).toList();
        if (!dead.isEmpty()) {
            return Optional.of(new AlterPartitionResult(ErrorCode.INELIGIBLE_REPLICA, "Stores " + dead + " are not alive", p));
        }
        return Optional.empty();
    }

    private Future<List<PartitionChange>> persistAndPublish(List<PartitionChange> changes, String why) {
        if (changes.isEmpty()) {
            return Future.succeededFuture(List.of());
        }
        return store.updatePartitions(changes).map(written -> {
            ClusterState current = state();
            for (PartitionChange change : changes) {
                current.replacePartition(change.topic(), change.partition());
                PartitionInfo p = change.partition();
                String moving = p.isReassigning() ? ", moving: adding " + p.addingReplicas() + " removing " + p.removingReplicas() : "";
                LOG.log(System.Logger.Level.INFO, "{0}-{1}: leader {2} at epoch {3}, replicas {4}, ISR {5}, partition epoch {6}{7} ({8})",
                        change.topic(), p.partition(), p.leader(), p.leaderEpoch(), p.replicas(), p.isr(), p.partitionEpoch(), moving, why);
            }
            publisher.accept(current.snapshot());
            return changes;
        });
    }

    public Future<TopicResults> createTopics(CreateTopicsRequest request) {
        List<CreateTopicRequest> topics = orEmpty(request.topics());
        Map<String, Integer> occurrences = new HashMap<>();
        topics.forEach(t -> occurrences.merge(String.valueOf(t.name()), 1, Integer::sum));
        return eachTopic(topics, CreateTopicRequest::name, topic -> {
            if (occurrences.get(String.valueOf(topic.name())) > 1) {
                return Future.failedFuture(new TopicRejectedException(ErrorCode.INVALID_REQUEST,
                        "Topic " + topic.name() + " appears more than once in the request"));
            }
            return createOne(topic, request.validateOnly(), Optional.empty());
        });
    }

    /**
     * Creates a topic on behalf of {@code owner} (a Kubernetes Topic resource): the same validation and
     * placement as {@link #createTopics}, and the owner is recorded in the same transaction.
     */
    public Future<TopicResult> createOwnedTopic(CreateTopicRequest topic, String owner) {
        return eachTopic(List.of(topic), CreateTopicRequest::name,
                t -> createOne(t, false, Optional.of(owner))).map(results -> results.topics().get(0));
    }

    /**
     * Deletes the topic only if {@code owner} owns it; decided in the mutation queue, so a topic deleted and
     * re-created over the Kafka API in between is never taken for the owned one.
     */
    public Future<OwnedDeletion> deleteOwnedTopic(String name, String owner) {
        return mutations.submit(() -> {
            Optional<TopicInfo> topic = state().topic(name);
            if (topic.isEmpty()) {
                return Future.succeededFuture(OwnedDeletion.ABSENT);
            }
            if (!state().owner(name).equals(Optional.of(owner))) {
                return Future.succeededFuture(OwnedDeletion.NOT_OWNED);
            }
            TopicInfo doomed = topic.get();
            return store.deleteTopic(doomed.name(), doomed.id()).map(written -> {
                apply(s -> s.removeTopic(doomed.name()));
                LOG.log(System.Logger.Level.INFO, "Deleted topic {0} ({1}) for its owner {2}", doomed.name(), doomed.id(), owner);
                return OwnedDeletion.DELETED;
            });
        });
    }

    /** The topic as the controller holds it now, with its owner. */
    public Optional<OwnedTopic> topic(String name) {
        ClusterState current = state();
        return current.topic(name).map(topic -> new OwnedTopic(topic, current.owner(name)));
    }

    private Future<TopicResult> createOne(CreateTopicRequest topic, boolean validateOnly, Optional<String> owner) {
        TopicInfo planned = planner.planCreate(topic, state());
        if (validateOnly) {
            return Future.succeededFuture(success(new TopicInfo(planned.name(), VALIDATE_ONLY_ID,
                    planned.configs(), planned.partitions())));
        }
        return store.createTopic(planned, owner).map(written -> {
            apply(s -> {
                s.putTopic(planned);
                owner.ifPresent(o -> s.putOwner(planned.name(), o));
            });
            LOG.log(System.Logger.Level.INFO, "Created topic {0} ({1} partitions, replication factor {2}{3})",
                    planned.name(), planned.partitions().size(), TopicPlanner.replicationFactor(planned),
                    owner.map(o -> ", owner " + o).orElse(""));
            return success(planned);
        });
    }

    public Future<TopicResults> deleteTopics(DeleteTopicsRequest request) {
        return eachTopic(orEmpty(request.names()), Function.identity(), name -> {
            TopicInfo doomed = planner.planDelete(name, state());
            return store.deleteTopic(doomed.name(), doomed.id()).map(written -> {
                apply(s -> s.removeTopic(doomed.name()));
                LOG.log(System.Logger.Level.INFO, "Deleted topic {0} ({1})", doomed.name(), doomed.id());
                return success(doomed);
            });
        });
    }

    public Future<TopicResults> createPartitions(CreatePartitionsRequest request) {
        return eachTopic(orEmpty(request.topics()), growth -> growth.name(), growth -> {
            TopicInfo current = planner.requireTopic(growth.name(), state());
            TopicInfo grown = planner.planGrowth(growth, state());
            if (request.validateOnly()) {
                return Future.succeededFuture(success(grown));
            }
            List<PartitionInfo> added = grown.partitions().subList(current.partitions().size(), grown.partitions().size());
            return store.addPartitions(grown.name(), List.copyOf(added)).map(written -> {
                apply(s -> s.putTopic(grown));
                LOG.log(System.Logger.Level.INFO, "Grew topic {0} from {1} to {2} partitions", grown.name(),
                        current.partitions().size(), grown.partitions().size());
                return success(grown);
            });
        });
    }

    public Future<TopicResults> alterConfigs(AlterConfigsRequest request) {
        return eachTopic(orEmpty(request.topics()), change -> change.name(), change -> {
            TopicInfo changed = planner.planConfigChange(change, state());
            if (request.validateOnly()) {
                return Future.succeededFuture(success(changed));
            }
            return store.updateConfigs(changed.name(), changed.configs()).map(written -> {
                apply(s -> s.putTopic(changed));
                LOG.log(System.Logger.Level.INFO, "Changed configs of topic {0} to {1}", changed.name(), changed.configs());
                return success(changed);
            });
        });
    }

    /**
     * Allocates a producer id with epoch 0. Transactions are not supported: a transactional id gets
     * UNSUPPORTED_VERSION, which a Kafka producer reports as "the broker does not support" the request —
     * the honest answer, and a fatal one, so it does not retry forever. A database failure answers
     * COORDINATOR_NOT_AVAILABLE, which producers retry.
     */
    public Future<ProducerIdResult> initProducerId(InitProducerIdRequest request) {
        if (request.transactionalId() != null) {
            return Future.succeededFuture(new ProducerIdResult(ErrorCode.UNSUPPORTED_VERSION, -1, (short) -1));
        }
        return store.nextProducerId()
                .map(id -> new ProducerIdResult(ErrorCode.NONE, id, (short) 0))
                .otherwise(error -> {
                    LOG.log(System.Logger.Level.ERROR, "Cannot allocate a producer id", error);
                    return new ProducerIdResult(ErrorCode.COORDINATOR_NOT_AVAILABLE, -1, (short) -1);
                });
    }

    /** Runs {@code operation} per item, one after the other and after earlier mutations; one failure fails only its item. */
    private <T> Future<TopicResults> eachTopic(List<T> items, Function<T, String> name, Function<T, Future<TopicResult>> operation) {
        return mutations.submit(() -> {
            List<TopicResult> results = new ArrayList<>(items.size());
            Future<Void> chain = Future.succeededFuture();
            for (T item : items) {
                chain = chain.compose(previous -> {
                    Future<TopicResult> result;
                    try {
                        result = operation.apply(item);
                    } catch (RuntimeException e) {
                        result = Future.failedFuture(e);
                    }
                    return result.recover(error -> Future.succeededFuture(failure(name.apply(item), error)))
                            .map(r -> {
                                results.add(r);
                                return null;
                            });
                });
            }
            return chain.map(done -> new TopicResults(List.copyOf(results)));
        });
    }

    /** How many partitions are being reassigned. */
    private static int reassigning(ClusterState state) {
        return (int) state.topics().stream().flatMap(t -> t.partitions().stream()).filter(PartitionInfo::isReassigning).count();
    }

    private void apply(Consumer<ClusterState> change) {
        ClusterState current = state();
        change.accept(current);
        publisher.accept(current.snapshot());
    }

    private ClusterState state() {
        return state.orElseThrow(() -> new IllegalStateException("Controller not started"));
    }

    private static TopicResult success(TopicInfo topic) {
        return new TopicResult(topic.name(), topic.id(), ErrorCode.NONE, null, topic.partitions().size(),
                (short) TopicPlanner.replicationFactor(topic), topic.configs());
    }

    private static TopicResult failure(String name, Throwable error) {
        if (error instanceof TopicRejectedException rejected) {
            return TopicResult.failed(name, rejected.error(), rejected.getMessage());
        }
        LOG.log(System.Logger.Level.ERROR, "Topic operation on " + name + " failed", error);
        return TopicResult.failed(name, ErrorCode.UNKNOWN_SERVER_ERROR, "Metadata store failure: " + error.getMessage());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
