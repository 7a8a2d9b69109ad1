package dev.runnel.controller.k8s;

import dev.runnel.controller.core.OwnedTopic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes a Topic's next status from an outcome, and says whether it differs from the current one, so
 * status is written only when something a reader could see changed. The Ready condition's
 * {@code lastTransitionTime} moves only when its status flips; {@code observedGeneration} is the generation
 * the outcome was decided for. Pure (the time is passed in).
 */
public final class TopicStatusWriter {

    /**
     * @return the status to write, or empty when it equals {@code current}
     */
    public Optional<TopicStatus> next(Optional<TopicStatus> current, long generation, TopicOutcome outcome, Instant now) {
        TopicStatus next = new TopicStatus();
        next.setObservedGeneration(generation);
        String status = outcome.reason().ready() ? TopicCondition.TRUE : TopicCondition.FALSE;
        Optional<TopicCondition> previousReady = current.flatMap(TopicStatusWriter::readyCondition);
        String transition = previousReady.filter(c -> status.equals(c.getStatus()))
                .map(TopicCondition::getLastTransitionTime)
                .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
        List<TopicCondition> conditions = new ArrayList<>();
        current.ifPresent(s -> s.getConditions().stream()
                .filter(c -> !TopicCondition.TYPE_READY.equals(c.getType())).forEach(conditions::add));
        conditions.add(new TopicCondition(TopicCondition.TYPE_READY, status, outcome.reason().conditionReason(),
                outcome.message(), transition));
        next.setConditions(conditions);
        if (outcome.managed().isPresent()) {
            OwnedTopic managed = outcome.managed().get();
            next.setTopicName(managed.topic().name());
            next.setTopicId(managed.topic().id().toString());
            next.setOwned(managed.owner().isPresent());
            next.setPartitions(managed.topic().partitions().stream()
                    .map(p -> new PartitionStatus(p.partition(), p.leader(), p.isr())).toList());
        } else {
            // keep naming the topic this resource managed, so a later rename is still recognised
            current.ifPresent(s -> next.setTopicName(s.getTopicName()));
        }
        return current.filter(next::equals).isPresent() ? Optional.empty() : Optional.of(next);
    }

    static Optional<TopicCondition> readyCondition(TopicStatus status) {
        return status.getConditions() == null ? Optional.empty()
                : status.getConditions().stream().filter(c -> TopicCondition.TYPE_READY.equals(c.getType())).findFirst();
    }
}
