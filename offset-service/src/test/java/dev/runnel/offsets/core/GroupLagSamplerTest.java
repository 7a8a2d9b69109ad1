package dev.runnel.offsets.core;

import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.TopicPartitionRef;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GroupLagSamplerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final InMemoryOffsetStore store = new InMemoryOffsetStore();
    private final List<Set<TopicPartitionRef>> asked = new ArrayList<>();

    private GroupLagSampler sampler(Map<TopicPartitionRef, Long> ends) {
        EndOffsets endOffsets = partitions -> {
            asked.add(Set.copyOf(partitions));
            return Future.succeededFuture(ends);
        };
        return new GroupLagSampler(store, endOffsets, () -> Map.of("a", 2), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void commit(String group, String topic, int partition, long offset) {
        store.commit(group, List.of(new OffsetToCommit(topic, partition, offset, -1, "")), NOW);
    }

    @Test
    void lagIsTheEndMinusTheCommitPerGroupAndPartition() {
        commit("a", "t", 0, 3);
        commit("a", "t", 1, 10);
        commit("b", "t", 0, 7);
        GroupLagSnapshot snapshot = sampler(Map.of(new TopicPartitionRef("t", 0), 10L, new TopicPartitionRef("t", 1), 10L))
                .sample().result();

        assertThat(snapshot.offsets()).extracting(o -> o.group() + "/" + o.topic() + "-" + o.partition() + "=" + o.lag().getAsLong())
                .containsExactlyInAnyOrder("a/t-0=7", "a/t-1=0", "b/t-0=3");
        assertThat(snapshot.members()).containsEntry("a", 2);
        assertThat(snapshot.takenAt()).isEqualTo(NOW);
        // one question for all groups, naming each partition once
        assertThat(asked).containsExactly(Set.of(new TopicPartitionRef("t", 0), new TopicPartitionRef("t", 1)));
    }

    @Test
    void aPartitionWithoutAKnownEndHasACommitButNoLag() {
        commit("a", "t", 0, 3);
        GroupOffsetLag only = sampler(Map.of()).sample().result().offsets().get(0);
        assertThat(only.committedOffset()).isEqualTo(3);
        assertThat(only.lag()).isEmpty();
    }

    @Test
    void lagIsNeverNegative() {
        assertThat(new GroupOffsetLag("g", "t", 0, 12, OptionalLong.of(10)).lag()).hasValue(0);
    }
}
