package dev.runnel.controller.k8s;

import dev.runnel.controller.core.OwnedDeletion;
import dev.runnel.controller.core.OwnedTopic;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reconciles Topic resources: plan ({@link TopicResourcePlanner}), apply through the controller
 * ({@link TopicApplier}), write status ({@link TopicStatusWriter}) only when it changed. Deleting a resource
 * runs {@link #cleanup} behind the SDK's finalizer: the topic is deleted only if this resource created it.
 *
 * <p>Only the replica-manager whose controller is active reconciles; a standby's reconciler does nothing, so
 * status is written by one process only. Runs on the operator SDK's reconciliation threads, one resource at a time per resource. A resource is
 * reconciled again at least every 30 s, so its status follows leader changes and drift made over the Kafka
 * API (a config altered there is set back to the spec) is repaired.
 */
@ControllerConfiguration(name = TopicReconciler.NAME,
        maxReconciliationInterval = @MaxReconciliationInterval(interval = 30, timeUnit = TimeUnit.SECONDS))
public class TopicReconciler implements Reconciler<Topic>, Cleaner<Topic> {
    public static final String NAME = "topic";
    private static final Logger LOG = Logger.getLogger(TopicReconciler.class);
    /** How soon to try again when the controller could not answer. */
    private static final long RETRY_MS = 5_000;

    private final TopicResourcePlanner planner = new TopicResourcePlanner();
    private final TopicStatusWriter statusWriter = new TopicStatusWriter();
    private final Clock clock = Clock.systemUTC();
    private final ControllerCalls controller;
    private final TopicApplier applier;

    @Inject
    public TopicReconciler(ControllerCalls controller) {
        this.controller = controller;
        this.applier = new TopicApplier(controller);
    }

    @Override
    public UpdateControl<Topic> reconcile(Topic resource, Context<Topic> context) throws InterruptedException {
        if (controller.isStandby()) {
            return UpdateControl.<Topic>noUpdate().rescheduleAfter(RETRY_MS);
        }
        DesiredTopic desired = DesiredTopic.of(resource);
        Optional<TopicStatus> current = Optional.ofNullable(resource.getStatus());
        TopicOutcome outcome;
        try {
            Optional<OwnedTopic> topic = applier.current(desired.name());
            TopicPlan plan = planner.plan(desired, current.map(TopicStatus::getTopicName), topic, resource.ownerId());
            outcome = applier.apply(plan, desired.name(), resource.ownerId(), topic);
        } catch (ControllerUnavailableException e) {
            outcome = new TopicOutcome(Reason.CONTROLLER_UNAVAILABLE, e.getMessage(), Optional.empty());
        }
        if (!outcome.reason().ready()) {
            LOG.infof("Topic resource %s/%s not ready: %s: %s", resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName(), outcome.reason().conditionReason(), outcome.message());
        }
        Optional<TopicStatus> next = statusWriter.next(current, resource.getMetadata().getGeneration(), outcome, clock.instant());
        UpdateControl<Topic> control;
        if (next.isPresent()) {
            resource.setStatus(next.get());
            control = UpdateControl.patchStatus(resource);
        } else {
            control = UpdateControl.noUpdate();
        }
        boolean retry = outcome.reason() == Reason.CONTROLLER_UNAVAILABLE || outcome.reason() == Reason.CONTROLLER_ERROR;
        return retry ? control.rescheduleAfter(RETRY_MS) : control;
    }

    @Override
    public DeleteControl cleanup(Topic resource, Context<Topic> context) throws InterruptedException {
        if (controller.isStandby()) {
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY_MS);
        }
        String topic = Optional.ofNullable(resource.getStatus()).map(TopicStatus::getTopicName).orElse(resource.topicName());
        try {
            OwnedDeletion deletion = applier.deleteOwned(topic, resource.ownerId());
            LOG.infof("Topic resource %s/%s deleted: topic %s %s", resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName(), topic, switch (deletion) {
                        case DELETED -> "deleted";
                        case NOT_OWNED -> "left in place (created over the Kafka API or owned by another resource)";
                        case ABSENT -> "did not exist";
                    });
            return DeleteControl.defaultDelete();
        } catch (ControllerUnavailableException e) {
            LOG.warnf("Cannot delete topic %s yet, the finalizer stays: %s", topic, e.getMessage());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY_MS);
        }
    }
}
