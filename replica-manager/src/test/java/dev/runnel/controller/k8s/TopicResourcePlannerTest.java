package dev.runnel.controller.k8s;

import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.controller.core.OwnedTopic;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The pure planner: what a Topic resource asks of the controller, against the controller's view. No Kubernetes. */
class TopicResourcePlannerTest {
    static final String SELF = "k8s:default/orders";
    final TopicResourcePlanner planner = new TopicResourcePlanner();

    static OwnedTopic existing(int partitions, int replicationFactor, Map<String, String> configs, Optional<String> owner) {
        List<Integer> replicas = IntStream.rangeClosed(1, replicationFactor).boxed().toList();
        List<PartitionInfo> parts = IntStream.range(0, partitions)
                .mapToObj(p -> new PartitionInfo(p, 1, 0, replicas, replicas)).toList();
        return new OwnedTopic(new TopicInfo("orders", UUID.randomUUID(), configs, parts), owner);
    }

    static DesiredTopic desired(int partitions, int replicas, Map<String, String> config) {
        return new DesiredTopic("orders", partitions, replicas, config);
    }

    @Test
    void aMissingTopicIsCreatedAsSpecified() {
        TopicPlan plan = planner.plan(desired(6, 1, Map.of("retention.ms", "60000")), Optional.empty(), Optional.empty(), SELF);

        assertThat(plan).isEqualTo(new TopicPlan.Create(new CreateTopicRequest("orders", 6, (short) 1, Map.of("retention.ms", "60000"))));
    }

    @Test
    void aTopicMatchingTheSpecNeedsNothing() {
        OwnedTopic topic = existing(3, 1, Map.of("retention.ms", "60000"), Optional.of(SELF));

        assertThat(planner.plan(desired(3, 1, Map.of("retention.ms", "60000")), Optional.of("orders"), Optional.of(topic), SELF))
                .isEqualTo(new TopicPlan.InSync(false));
    }

    @Test
    void morePartitionsGrowTheTopic() {
        OwnedTopic topic = existing(3, 1, Map.of(), Optional.of(SELF));

        assertThat(planner.plan(desired(5, 1, Map.of()), Optional.of("orders"), Optional.of(topic), SELF))
                .isEqualTo(new TopicPlan.Update(Optional.empty(), Optional.of(new NewPartitions("orders", 5)), false));
    }

    @Test
    void fewerPartitionsAreRefused() {
        OwnedTopic topic = existing(3, 1, Map.of(), Optional.of(SELF));

        TopicPlan plan = planner.plan(desired(2, 1, Map.of("retention.ms", "1000")), Optional.of("orders"), Optional.of(topic), SELF);

        assertThat(plan).isInstanceOf(TopicPlan.Refuse.class);
        assertThat(((TopicPlan.Refuse) plan).reason()).isEqualTo(Reason.PARTITION_DECREASE_REFUSED);
        assertThat(((TopicPlan.Refuse) plan).message()).contains("has 3 partitions", "spec.partitions 2");
    }

    @Test
    void configChangesSetWhatDiffersAndRevertWhatIsNoLongerNamed() {
        OwnedTopic topic = existing(3, 1, Map.of("retention.ms", "60000", "cleanup.policy", "compact", "segment.bytes", "1048576"),
                Optional.of(SELF));

        TopicPlan plan = planner.plan(desired(3, 1, Map.of("retention.ms", "120000", "segment.bytes", "1048576")),
                Optional.of("orders"), Optional.of(topic), SELF);

        assertThat(plan).isEqualTo(new TopicPlan.Update(Optional.of(new TopicConfigChange("orders",
                Map.of("retention.ms", "120000"), List.of("cleanup.policy"))), Optional.empty(), false));
    }

    @Test
    void anInvalidConfigIsRefusedBeforeAnythingElseChanges() {
        OwnedTopic topic = existing(3, 1, Map.of(), Optional.of(SELF));

        TopicPlan unknown = planner.plan(desired(6, 1, Map.of("retention.msec", "1")), Optional.of("orders"), Optional.of(topic), SELF);
        TopicPlan badValue = planner.plan(desired(6, 1, Map.of("cleanup.policy", "shred")), Optional.empty(), Optional.empty(), SELF);

        assertThat(unknown).isInstanceOfSatisfying(TopicPlan.Refuse.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.INVALID_CONFIG);
            assertThat(r.message()).contains("retention.msec");
        });
        assertThat(badValue).isInstanceOfSatisfying(TopicPlan.Refuse.class, r -> assertThat(r.reason()).isEqualTo(Reason.INVALID_CONFIG));
    }

    @Test
    void aReplicationFactorChangeIsRefusedUntilReassignmentExists() {
        OwnedTopic topic = existing(3, 1, Map.of(), Optional.of(SELF));

        assertThat(planner.plan(desired(3, 3, Map.of()), Optional.of("orders"), Optional.of(topic), SELF))
                .isInstanceOfSatisfying(TopicPlan.Refuse.class, r -> assertThat(r.reason()).isEqualTo(Reason.REPLICATION_FACTOR_CHANGE_UNSUPPORTED));
    }

    @Test
    void aTopicCreatedOverTheKafkaApiIsAdoptedNotOwned() {
        OwnedTopic topic = existing(3, 1, Map.of(), Optional.empty());

        assertThat(planner.plan(desired(3, 1, Map.of()), Optional.empty(), Optional.of(topic), SELF)).isEqualTo(new TopicPlan.InSync(true));
        assertThat(planner.plan(desired(4, 1, Map.of()), Optional.empty(), Optional.of(topic), SELF))
                .isEqualTo(new TopicPlan.Update(Optional.empty(), Optional.of(new NewPartitions("orders", 4)), true));
    }

    @Test
    void aTopicOwnedByAnotherResourceIsLeftAlone() {
        OwnedTopic topic = existing(3, 1, Map.of(), Optional.of("k8s:team-b/orders"));

        assertThat(planner.plan(desired(6, 1, Map.of()), Optional.empty(), Optional.of(topic), SELF))
                .isInstanceOfSatisfying(TopicPlan.Refuse.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.OWNED_BY_ANOTHER_RESOURCE);
                    assertThat(r.message()).contains("k8s:team-b/orders");
                });
    }

    @Test
    void theTopicNameCannotChangeOnceManaged() {
        assertThat(planner.plan(desired(3, 1, Map.of()), Optional.of("orders-v1"), Optional.empty(), SELF))
                .isInstanceOfSatisfying(TopicPlan.Refuse.class, r -> assertThat(r.reason()).isEqualTo(Reason.TOPIC_NAME_CHANGE_REFUSED));
    }
}
