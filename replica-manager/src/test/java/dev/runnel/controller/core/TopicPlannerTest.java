package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.TopicInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.runnel.controller.core.TopicValidatorTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class TopicPlannerTest {
    private static final UUID ID = UUID.fromString("6f1c9c1e-0000-4000-8000-000000000001");
    private final TopicPlanner planner = new TopicPlanner(new TopicValidator(2, (short) 1, 100), () -> ID);
    private final ClusterState state = new ClusterState("c", 1, Duration.ofSeconds(6));

    @BeforeEach
    void twoLiveStores() {
        state.storeHeartbeat(new StoreHeartbeat(1, null, "h:1", 0, null), Instant.EPOCH);
        state.storeHeartbeat(new StoreHeartbeat(2, null, "h:2", 0, null), Instant.EPOCH);
    }

    @Test
    void storesWithRackLabelsGetEachPartitionsReplicasOnDifferentRacks() {
        ClusterState racked = new ClusterState("c", 1, Duration.ofSeconds(6));
        Map<Integer, String> racks = Map.of(1, "east", 2, "east", 3, "west", 4, "west");
        racks.forEach((id, rack) -> racked.storeHeartbeat(new StoreHeartbeat(id, rack, "h:" + id, 0, null), Instant.EPOCH));

        TopicInfo topic = planner.planCreate(new CreateTopicRequest("spread", 8, (short) 2, Map.of()), racked);

        assertThat(topic.partitions()).allSatisfy(p ->
                assertThat(p.replicas().stream().map(racks::get).distinct()).as("racks of %s", p.replicas()).hasSize(2));
    }

    @Test
    void createPlacesReplicasWithLeaderFirstEpochZeroAndFullIsr() {
        TopicInfo topic = planner.planCreate(new CreateTopicRequest("orders", 4, (short) 2, Map.of("retention.ms", "60000")), state);

        assertThat(topic.id()).isEqualTo(ID);
        assertThat(topic.configs()).containsExactly(Map.entry("retention.ms", "60000"));
        assertThat(topic.partitions()).hasSize(4).allSatisfy(p -> {
            assertThat(p.replicas()).hasSize(2).doesNotHaveDuplicates();
            assertThat(p.leader()).isEqualTo(p.replicas().get(0));
            assertThat(p.leaderEpoch()).isZero();
            assertThat(p.isr()).isEqualTo(p.replicas());
        });
        assertThat(topic.partitions()).extracting(PartitionInfo::partition).containsExactly(0, 1, 2, 3);
    }

    @Test
    void createUsesDefaultsAndRejectsWhatKafkaRejects() {
        TopicInfo topic = planner.planCreate(new CreateTopicRequest("d", -1, (short) -1, null), state);
        assertThat(topic.partitions()).hasSize(2).allSatisfy(p -> assertThat(p.replicas()).hasSize(1));

        state.putTopic(topic);
        assertRejected(() -> planner.planCreate(new CreateTopicRequest("d", 1, (short) 1, Map.of()), state), ErrorCode.TOPIC_ALREADY_EXISTS);
        assertRejected(() -> planner.planCreate(new CreateTopicRequest("bad name", 1, (short) 1, Map.of()), state), ErrorCode.INVALID_TOPIC_EXCEPTION);
        assertRejected(() -> planner.planCreate(new CreateTopicRequest("p", 0, (short) 1, Map.of()), state), ErrorCode.INVALID_PARTITIONS);
        assertRejected(() -> planner.planCreate(new CreateTopicRequest("r", 1, (short) 3, Map.of()), state), ErrorCode.INVALID_REPLICATION_FACTOR);
        assertRejected(() -> planner.planCreate(new CreateTopicRequest("c", 1, (short) 1, Map.of("cleanup.policy", "compact")), state), ErrorCode.INVALID_CONFIG);
    }

    @Test
    void growthAddsPartitionsAndNeverShrinks() {
        state.putTopic(planner.planCreate(new CreateTopicRequest("g", 2, (short) 2, Map.of()), state));

        TopicInfo grown = planner.planGrowth(new NewPartitions("g", 5), state);
        assertThat(grown.partitions()).hasSize(5).allSatisfy(p -> assertThat(p.replicas()).hasSize(2));
        assertThat(grown.partitions().subList(0, 2)).isEqualTo(state.topic("g").orElseThrow().partitions());
        assertThat(grown.id()).isEqualTo(ID);

        assertRejected(() -> planner.planGrowth(new NewPartitions("g", 2), state), ErrorCode.INVALID_PARTITIONS);
        assertRejected(() -> planner.planGrowth(new NewPartitions("g", 1), state), ErrorCode.INVALID_PARTITIONS);
        assertRejected(() -> planner.planGrowth(new NewPartitions("missing", 3), state), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void growthNeedsAsManyLiveStoresAsTheReplicationFactor() {
        state.putTopic(planner.planCreate(new CreateTopicRequest("g", 1, (short) 2, Map.of()), state));
        state.expireStores(Instant.EPOCH.plusSeconds(7));

        assertRejected(() -> planner.planGrowth(new NewPartitions("g", 2), state), ErrorCode.INVALID_REPLICATION_FACTOR);
    }

    @Test
    void configChangesMergeSetAndDelete() {
        state.putTopic(planner.planCreate(new CreateTopicRequest("c", 1, (short) 1,
                Map.of("retention.ms", "1000", "segment.bytes", "1048576")), state));

        TopicInfo changed = planner.planConfigChange(new TopicConfigChange("c", Map.of("retention.ms", "2000", "flush.ms", "10"),
                List.of("segment.bytes")), state);

        assertThat(changed.configs()).containsOnly(Map.entry("retention.ms", "2000"), Map.entry("flush.ms", "10"));
        assertRejected(() -> planner.planConfigChange(new TopicConfigChange("c", Map.of("retention.ms", "x"), List.of()), state), ErrorCode.INVALID_CONFIG);
        assertRejected(() -> planner.planConfigChange(new TopicConfigChange("c", Map.of(), List.of("nope")), state), ErrorCode.INVALID_CONFIG);
        assertRejected(() -> planner.planConfigChange(new TopicConfigChange("c", Map.of("flush.ms", "1"), List.of("flush.ms")), state), ErrorCode.INVALID_REQUEST);
        assertRejected(() -> planner.planConfigChange(new TopicConfigChange("x", Map.of(), List.of()), state), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }
}
