package dev.runnel.controller.core;

import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.TopicInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterStateTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final ClusterState state = new ClusterState("cluster-1", 3, Duration.ofSeconds(6));

    @Test
    void versionsOfALaterControllerEpochAreHigher() {
        ClusterState previous = new ClusterState("c", 2, Duration.ofSeconds(6));
        for (int i = 0; i < 1000; i++) {
            previous.putTopic(topic("t" + i));
        }
        assertThat(state.version()).isGreaterThan(previous.version());
    }

    @Test
    void joiningAndChangingStoresAreNewVersionsButRepeatedHeartbeatsAreNot() {
        long v0 = state.version();
        assertThat(state.storeHeartbeat(new StoreHeartbeat(1, null, "h:1", 0, null), T0)).isEqualTo(StoreChange.JOINED);
        long v1 = state.version();
        assertThat(state.storeHeartbeat(new StoreHeartbeat(1, null, "h:1", 0, null), T0.plusSeconds(1))).isEqualTo(StoreChange.UNCHANGED);
        assertThat(state.version()).isEqualTo(v1);
        assertThat(state.storeHeartbeat(new StoreHeartbeat(1, "rack-a", "h:1", 0, null), T0.plusSeconds(2))).isEqualTo(StoreChange.UPDATED);

        assertThat(v1).isGreaterThan(v0);
        assertThat(state.version()).isGreaterThan(v1);
        assertThat(state.snapshot().stores()).singleElement().satisfies(s -> assertThat(s.rack()).isEqualTo("rack-a"));
    }

    @Test
    void aStoreUnheardForLongerThanTheSessionTimeoutDies() {
        state.storeHeartbeat(new StoreHeartbeat(1, null, "h:1", 0, null), T0);
        state.storeHeartbeat(new StoreHeartbeat(2, null, "h:2", 0, null), T0.plusSeconds(4));

        assertThat(state.expireStores(T0.plusSeconds(6))).isEmpty();
        long before = state.version();
        assertThat(state.expireStores(T0.plusMillis(6001))).singleElement().satisfies(s -> assertThat(s.brokerId()).isEqualTo(1));

        assertThat(state.liveStoreIds()).containsExactly(2);
        assertThat(state.version()).isGreaterThan(before);
        // it comes back with its next heartbeat
        assertThat(state.storeHeartbeat(new StoreHeartbeat(1, null, "h:1", 0, null), T0.plusSeconds(7))).isEqualTo(StoreChange.JOINED);
        assertThat(state.liveStoreIds()).containsExactly(1, 2);
    }

    @Test
    void aStoreDiesWithItsEventBusNodeButNotWithTheNodeItLeftBehindByRestarting() {
        state.storeHeartbeat(new StoreHeartbeat(1, null, "h:1", 0, "node-a"), T0);
        state.storeHeartbeat(new StoreHeartbeat(2, null, "h:2", 0, "node-b"), T0);
        state.storeHeartbeat(new StoreHeartbeat(3, null, "h:3", 0, null), T0); // reports no node: heartbeats alone
        // store 2 restarted: its new node heartbeats before the old one is seen to leave
        assertThat(state.storeHeartbeat(new StoreHeartbeat(2, null, "h:2", 0, "node-b2"), T0.plusSeconds(1)))
                .isEqualTo(StoreChange.RESTARTED);
        long before = state.version();

        assertThat(state.removeStoresOnNode("node-b")).isEmpty();
        assertThat(state.version()).isEqualTo(before);
        assertThat(state.removeStoresOnNode("node-a")).singleElement().satisfies(s -> assertThat(s.brokerId()).isEqualTo(1));
        assertThat(state.liveStoreIds()).containsExactly(2, 3);
        assertThat(state.version()).isGreaterThan(before);
        assertThat(state.removeStoresOnNode("node-a")).as("already dead").isEmpty();
        // it comes back with its next heartbeat, from its new node
        assertThat(state.storeHeartbeat(new StoreHeartbeat(1, null, "h:1", 0, "node-a2"), T0.plusSeconds(2))).isEqualTo(StoreChange.JOINED);
        assertThat(state.liveStoreIds()).containsExactly(1, 2, 3);
    }

    @Test
    void snapshotsAreImmutableCopies() {
        state.putTopic(topic("a"));
        var snapshot = state.snapshot();
        state.removeTopic("a");

        assertThat(snapshot.topics()).extracting(TopicInfo::name).containsExactly("a");
        assertThat(state.snapshot().topics()).isEmpty();
        assertThat(snapshot.clusterId()).isEqualTo("cluster-1");
    }

    static TopicInfo topic(String name) {
        return new TopicInfo(name, UUID.randomUUID(), Map.of(), List.of(new PartitionInfo(0, 1, 0, List.of(1), List.of(1))));
    }
}
