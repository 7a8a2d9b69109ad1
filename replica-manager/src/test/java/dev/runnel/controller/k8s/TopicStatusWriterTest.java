package dev.runnel.controller.k8s;

import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.controller.core.OwnedTopic;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TopicStatusWriterTest {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-22T10:05:00Z");
    final TopicStatusWriter writer = new TopicStatusWriter();
    final OwnedTopic topic = new OwnedTopic(new TopicInfo("orders", UUID.fromString("00000000-0000-0000-0000-000000000007"),
            Map.of(), List.of(new PartitionInfo(0, 2, 0, List.of(2), List.of(2)))), Optional.of("k8s:default/orders"));

    @Test
    void aFirstOutcomeWritesReadyWithTheTopic() {
        TopicStatus status = writer.next(Optional.empty(), 1, new TopicOutcome(Reason.RECONCILED, "fine", Optional.of(topic)), T0).orElseThrow();

        TopicCondition ready = TopicStatusWriter.readyCondition(status).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getReason()).isEqualTo("Reconciled");
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(status.getTopicName()).isEqualTo("orders");
        assertThat(status.getOwned()).isTrue();
        assertThat(status.getPartitions()).containsExactly(new PartitionStatus(0, 2, List.of(2)));
    }

    @Test
    void theSameOutcomeWritesNothing() {
        TopicOutcome outcome = new TopicOutcome(Reason.RECONCILED, "fine", Optional.of(topic));
        TopicStatus first = writer.next(Optional.empty(), 1, outcome, T0).orElseThrow();

        assertThat(writer.next(Optional.of(first), 1, outcome, T1)).isEmpty();
    }

    @Test
    void aNewGenerationIsRecordedButTheTransitionTimeStaysWhileStatusDoesNotFlip() {
        TopicStatus first = writer.next(Optional.empty(), 1, new TopicOutcome(Reason.RECONCILED, "fine", Optional.of(topic)), T0).orElseThrow();

        TopicStatus second = writer.next(Optional.of(first), 2, new TopicOutcome(Reason.ADOPTED, "still fine", Optional.of(topic)), T1).orElseThrow();

        assertThat(second.getObservedGeneration()).isEqualTo(2L);
        assertThat(TopicStatusWriter.readyCondition(second).orElseThrow().getLastTransitionTime()).isEqualTo("2026-11-22T10:00:00Z");
    }

    @Test
    void aRefusalFlipsReadyAndKeepsTheManagedTopicName() {
        TopicStatus first = writer.next(Optional.empty(), 1, new TopicOutcome(Reason.RECONCILED, "fine", Optional.of(topic)), T0).orElseThrow();

        TopicStatus refused = writer.next(Optional.of(first), 2,
                new TopicOutcome(Reason.TOPIC_NAME_CHANGE_REFUSED, "no renames", Optional.empty()), T1).orElseThrow();

        TopicCondition ready = TopicStatusWriter.readyCondition(refused).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("False");
        assertThat(ready.getReason()).isEqualTo("TopicNameChangeRefused");
        assertThat(ready.getMessage()).isEqualTo("no renames");
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-11-22T10:05:00Z");
        assertThat(refused.getTopicName()).isEqualTo("orders");
    }

    @Test
    void everyReasonHasADistinctConditionReason() {
        assertThat(java.util.Arrays.stream(Reason.values()).map(Reason::conditionReason).distinct().count())
                .isEqualTo(Reason.values().length);
    }
}
