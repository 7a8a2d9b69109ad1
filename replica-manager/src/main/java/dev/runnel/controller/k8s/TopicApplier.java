package dev.runnel.controller.k8s;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.bus.control.TopicResults;
import dev.runnel.controller.core.OwnedDeletion;
import dev.runnel.controller.core.OwnedTopic;
import dev.runnel.controller.core.TopicPlanner;
import io.vertx.core.Future;

import java.util.List;
import java.util.Optional;

/**
 * Carries out a {@link TopicPlan} through the controller in this process and reports the outcome. Talks to
 * the controller only; Kubernetes status is the reconciler's business.
 */
public final class TopicApplier {
    private final ControllerCalls controller;

    public TopicApplier(ControllerCalls controller) {
        this.controller = controller;
    }

    /** The topic as the controller holds it now. */
    public Optional<OwnedTopic> current(String topic) throws InterruptedException {
        return controller.call(c -> Future.succeededFuture(c.topic(topic)));
    }

    /** Deletes the topic if {@code owner} owns it. */
    public OwnedDeletion deleteOwned(String topic, String owner) throws InterruptedException {
        return controller.call(c -> c.deleteOwnedTopic(topic, owner));
    }

    /**
     * @param current the topic the plan was made against
     * @throws ControllerUnavailableException when the controller cannot answer (the caller retries)
     */
    public TopicOutcome apply(TopicPlan plan, String topic, String owner, Optional<OwnedTopic> current) throws InterruptedException {
        if (plan instanceof TopicPlan.Create create) {
            TopicResult result = controller.call(c -> c.createOwnedTopic(create.request(), owner));
            if (result.error() != ErrorCode.NONE) {
                return new TopicOutcome(Reason.forRejection(result.error()), result.message() + " Nothing was changed.", Optional.empty());
            }
            return reconciled(current(topic));
        }
        if (plan instanceof TopicPlan.Update update) {
            if (update.configChange().isPresent()) {
                TopicResults results = controller.call(c -> c.alterConfigs(
                        new AlterConfigsRequest(List.of(update.configChange().get()), false)));
                Optional<TopicOutcome> refused = refusal(results, current);
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            if (update.growth().isPresent()) {
                TopicResults results = controller.call(c -> c.createPartitions(
                        new CreatePartitionsRequest(List.of(update.growth().get()), false)));
                Optional<TopicOutcome> refused = refusal(results, current(topic));
                if (refused.isPresent()) {
                    return refused.get();
                }
            }
            return reconciled(current(topic));
        }
        if (plan instanceof TopicPlan.InSync) {
            return reconciled(current);
        }
        TopicPlan.Refuse refuse = (TopicPlan.Refuse) plan;
        boolean ours = refuse.reason() != Reason.OWNED_BY_ANOTHER_RESOURCE && refuse.reason() != Reason.TOPIC_NAME_CHANGE_REFUSED;
        return new TopicOutcome(refuse.reason(), refuse.message(), ours ? current : Optional.empty());
    }

    private static Optional<TopicOutcome> refusal(TopicResults results, Optional<OwnedTopic> topic) {
        TopicResult result = results.topics().get(0);
        if (result.error() == ErrorCode.NONE) {
            return Optional.empty();
        }
        return Optional.of(new TopicOutcome(Reason.forRejection(result.error()), result.message(), topic));
    }

    private static TopicOutcome reconciled(Optional<OwnedTopic> topic) {
        if (topic.isEmpty()) {
            // deleted over the Kafka API between the change and this read: the next reconciliation re-creates it
            return new TopicOutcome(Reason.CONTROLLER_ERROR, "The topic disappeared while it was being reconciled", Optional.empty());
        }
        OwnedTopic t = topic.get();
        String summary = "Topic '" + t.topic().name() + "' has " + t.topic().partitions().size()
                + " partitions with replication factor " + TopicPlanner.replicationFactor(t.topic()) + ".";
        return t.owner().isPresent()
                ? new TopicOutcome(Reason.RECONCILED, summary, topic)
                : new TopicOutcome(Reason.ADOPTED, summary + " It was created over the Kafka API: deleting this resource"
                + " leaves the topic in place.", topic);
    }
}
