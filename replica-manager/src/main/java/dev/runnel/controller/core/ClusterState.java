package dev.runnel.controller.core;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The controller's view of the cluster: topics with their partition assignments (a copy of what is in
 * PostgreSQL), the live stores with the event-bus node each runs as (memory only: liveness is re-learnt
 * from heartbeats within a second of a restart), and the metadata version.
 *
 * <p>Invariant: {@link #version()} grows by one with every change a receiver of {@link #snapshot()} could
 * observe. The first version of a controller is {@code controllerEpoch << 32}, so a restarted controller's
 * versions are above every version its predecessor published and receivers never ignore them as stale.
 *
 * <p>Thread-safety: none; the controller confines it to one Vert.x context (one thread at a time).
 */
public final class ClusterState {
    private final String clusterId;
    private final Duration storeSessionTimeout;
    private final Map<String, TopicInfo> topics = new TreeMap<>();
    private final Map<Integer, LiveStore> stores = new TreeMap<>();
    /** Owners of the topics created on someone's behalf (the Kubernetes operator); absent: Kafka API. */
    private final Map<String, String> owners = new TreeMap<>();
    private long version;

    /** @param nodeId the event-bus node the store last reported (empty: it reports none) */
    private record LiveStore(StoreInfo info, Instant lastHeard, Optional<String> nodeId) {
    }

    public ClusterState(String clusterId, long controllerEpoch, Duration storeSessionTimeout) {
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.storeSessionTimeout = storeSessionTimeout;
        this.version = controllerEpoch << 32;
    }

    public long version() {
        return version;
    }

    public String clusterId() {
        return clusterId;
    }

    /** Replaces all topics (at start, from the database). */
    public void loadTopics(Collection<TopicInfo> loaded) {
        topics.clear();
        loaded.forEach(topic -> topics.put(topic.name(), topic));
        version++;
    }

    /** Replaces all topic owners (at start, from the database). Ownership is not part of the published metadata. */
    public void loadOwners(Map<String, String> loaded) {
        owners.clear();
        owners.putAll(loaded);
    }

    /** Who manages the topic; empty for a topic created over the Kafka API (or no such topic). */
    public Optional<String> owner(String topic) {
        return Optional.ofNullable(owners.get(topic));
    }

    /** Records the owner of a topic that was just put. */
    public void putOwner(String topic, String owner) {
        owners.put(topic, owner);
    }

    public Optional<TopicInfo> topic(String name) {
        return Optional.ofNullable(topics.get(name));
    }

    public Collection<String> topicNames() {
        return topics.keySet();
    }

    /** Adds or replaces a topic. */
    public void putTopic(TopicInfo topic) {
        topics.put(topic.name(), topic);
        version++;
    }

    public void removeTopic(String name) {
        owners.remove(name);
        if (topics.remove(name) != null) {
            version++;
        }
    }

    /**
     * Records a heartbeat at {@code now}; a store that joined or changed its details is a new version. A new
     * event-bus node id is remembered (so the departure of the old node no longer concerns the store) but is
     * not published: the metadata does not carry node ids.
     */
    public StoreChange storeHeartbeat(StoreHeartbeat heartbeat, Instant now) {
        StoreInfo info = new StoreInfo(heartbeat.brokerId(), heartbeat.rack(), heartbeat.httpAddress());
        Optional<String> nodeId = Optional.ofNullable(heartbeat.nodeId()).filter(id -> !id.isBlank());
        LiveStore previous = stores.put(heartbeat.brokerId(), new LiveStore(info, now, nodeId));
        if (previous == null) {
            version++;
            return StoreChange.JOINED;
        }
        if (!previous.info().equals(info)) {
            version++;
            return StoreChange.UPDATED;
        }
        if (previous.nodeId().isPresent() && nodeId.isPresent() && !previous.nodeId().equals(nodeId)) {
            return StoreChange.RESTARTED;
        }
        return StoreChange.UNCHANGED;
    }

    /**
     * Declares dead the live stores whose last heartbeat named {@code nodeId}: that event-bus node left the
     * cluster. A store that has since heartbeated from another node (it restarted) is not touched.
     *
     * @return the stores that died, in broker-id order (empty: nothing changed)
     */
    public List<StoreInfo> removeStoresOnNode(String nodeId) {
        List<StoreInfo> dead = new ArrayList<>();
        Iterator<LiveStore> it = stores.values().iterator();
        while (it.hasNext()) {
            LiveStore store = it.next();
            if (store.nodeId().filter(nodeId::equals).isPresent()) {
                dead.add(store.info());
                it.remove();
            }
        }
        if (!dead.isEmpty()) {
            version++;
        }
        return dead;
    }

    /**
     * Declares dead every store unheard for longer than the session timeout at {@code now}.
     *
     * @return the stores that died, in broker-id order (empty: nothing changed)
     */
    public List<StoreInfo> expireStores(Instant now) {
        List<StoreInfo> dead = new ArrayList<>();
        Iterator<LiveStore> it = stores.values().iterator();
        while (it.hasNext()) {
            LiveStore store = it.next();
            if (Duration.between(store.lastHeard(), now).compareTo(storeSessionTimeout) > 0) {
                dead.add(store.info());
                it.remove();
            }
        }
        if (!dead.isEmpty()) {
            version++;
        }
        return dead;
    }

    /** Replaces one partition of an existing topic (leader elections, ISR changes). */
    public void replacePartition(String topic, PartitionInfo partition) {
        TopicInfo current = topics.get(topic);
        if (current == null || partition.partition() >= current.partitions().size()) {
            throw new IllegalArgumentException("No partition " + topic + "-" + partition.partition() + " to replace");
        }
        List<PartitionInfo> partitions = new ArrayList<>(current.partitions());
        partitions.set(partition.partition(), partition);
        topics.put(topic, new TopicInfo(current.name(), current.id(), current.configs(), List.copyOf(partitions)));
        version++;
    }

    public Collection<TopicInfo> topics() {
        return List.copyOf(topics.values());
    }

    public boolean isLive(int brokerId) {
        return stores.containsKey(brokerId);
    }

    /** The rack of each live store that reports one. */
    public Map<Integer, String> liveStoreRacks() {
        Map<Integer, String> racks = new TreeMap<>();
        stores.forEach((id, store) -> {
            if (store.info().rack() != null && !store.info().rack().isBlank()) {
                racks.put(id, store.info().rack());
            }
        });
        return racks;
    }

    /** Broker ids of the live stores, ascending. */
    public List<Integer> liveStoreIds() {
        return List.copyOf(stores.keySet());
    }

    /** An immutable copy: topics by name, stores by broker id. */
    public ClusterMetadata snapshot() {
        return new ClusterMetadata(version, clusterId,
                stores.values().stream().map(LiveStore::info).toList(),
                List.copyOf(topics.values()));
    }
}
