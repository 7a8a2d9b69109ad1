package dev.runnel.offsets.core;

import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.TopicPartitionRef;
import io.vertx.core.Future;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Computes consumer lag: reads every group's committed offsets from the {@link OffsetStore}, asks
 * {@link EndOffsets} for the ends of just the partitions that have commits (one question per sample, not
 * per group), and subtracts. Run on the offset-service's context (the member counts come from the
 * coordinator, which is confined there). A failed store read fails the sample; the previous one stays.
 */
public final class GroupLagSampler {
    private final OffsetStore offsets;
    private final EndOffsets ends;
    private final Supplier<Map<String, Integer>> memberCounts;
    private final Clock clock;

    public GroupLagSampler(OffsetStore offsets, EndOffsets ends, Supplier<Map<String, Integer>> memberCounts, Clock clock) {
        this.offsets = offsets;
        this.ends = ends;
        this.memberCounts = memberCounts;
        this.clock = clock;
    }

    public Future<GroupLagSnapshot> sample() {
        Map<String, Integer> members = memberCounts.get();
        return offsets.groupsWithOffsets()
                .compose(groups -> {
                    Map<String, Future<List<CommittedOffset>>> reads = new LinkedHashMap<>();
                    groups.stream().sorted().forEach(g -> reads.put(g, offsets.committed(g)));
                    return Future.all(List.copyOf(reads.values())).map(done -> {
                        Map<String, List<CommittedOffset>> committed = new LinkedHashMap<>();
                        reads.forEach((g, f) -> committed.put(g, f.result()));
                        return committed;
                    });
                })
                .compose(committed -> ends.latest(partitionsOf(committed))
                        .otherwise(failure -> Map.of())
                        .map(endOffsets -> new GroupLagSnapshot(clock.instant(), lags(committed, endOffsets), members)));
    }

    static Set<TopicPartitionRef> partitionsOf(Map<String, List<CommittedOffset>> committed) {
        Set<TopicPartitionRef> partitions = new LinkedHashSet<>();
        committed.values().forEach(list -> list.forEach(c -> partitions.add(new TopicPartitionRef(c.topic(), c.partition()))));
        return partitions;
    }

    /** One entry per committed offset, with the partition's end when known. */
    static List<GroupOffsetLag> lags(Map<String, List<CommittedOffset>> committed, Map<TopicPartitionRef, Long> endOffsets) {
        List<GroupOffsetLag> lags = new ArrayList<>();
        committed.forEach((group, list) -> list.forEach(c -> {
            Long end = endOffsets.get(new TopicPartitionRef(c.topic(), c.partition()));
            lags.add(new GroupOffsetLag(group, c.topic(), c.partition(), c.offset(),
                    end == null ? OptionalLong.empty() : OptionalLong.of(end)));
        }));
        return lags;
    }
}
