package dev.runnel.offsets.core;

import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.TopicPartitionRef;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An {@link OffsetStore} in a map, for the coordinator's unit tests; can be switched to failing ("database down"). */
final class InMemoryOffsetStore implements OffsetStore {
    private final Map<String, Map<String, CommittedOffset>> byGroup = new TreeMap<>();
    boolean down;

    @Override
    public Future<Void> commit(String groupId, List<OffsetToCommit> offsets, Instant commitTime) {
        if (down) {
            return Future.failedFuture(new IllegalStateException("store down"));
        }
        Map<String, CommittedOffset> group = byGroup.computeIfAbsent(groupId, g -> new TreeMap<>());
        offsets.forEach(o -> group.put(o.topic() + "-" + o.partition(), new CommittedOffset(o.topic(), o.partition(),
                o.offset(), o.leaderEpoch(), o.metadata(), commitTime.toEpochMilli())));
        return Future.succeededFuture();
    }

    @Override
    public Future<List<CommittedOffset>> committed(String groupId) {
        if (down) {
            return Future.failedFuture(new IllegalStateException("store down"));
        }
        return Future.succeededFuture(List.copyOf(byGroup.getOrDefault(groupId, Map.of()).values()));
    }

    @Override
    public Future<Set<String>> groupsWithOffsets() {
        if (down) {
            return Future.failedFuture(new IllegalStateException("store down"));
        }
        Set<String> ids = new HashSet<>();
        byGroup.forEach((id, offsets) -> {
            if (!offsets.isEmpty()) {
                ids.add(id);
            }
        });
        return Future.succeededFuture(ids);
    }

    @Override
    public Future<Void> delete(String groupId, List<TopicPartitionRef> partitions) {
        partitions.forEach(p -> byGroup.getOrDefault(groupId, new TreeMap<>()).remove(p.topic() + "-" + p.partition()));
        return Future.succeededFuture();
    }

    @Override
    public Future<Integer> deleteGroup(String groupId) {
        Map<String, CommittedOffset> removed = byGroup.remove(groupId);
        return Future.succeededFuture(removed == null ? 0 : removed.size());
    }
}
