package dev.runnel.controller.k8s;

import dev.runnel.controller.core.StorePoolStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the partition-store StatefulSet (label {@code app.kubernetes.io/name=partition-store}) and the
 * controller's store pool in step (see {@link StorePoolPlanner}): tells the controller which stores partitions
 * should live on, scales the StatefulSet once a drain is done, and writes progress to the annotation
 * {@code runnel.dev/stores-status}. Reconciled every 5 s, and on any change of the StatefulSet (annotations
 * included: event processing is not generation-aware).
 *
 * <p>Only the replica-manager whose controller is active acts; a standby's reconciler does nothing.
 */
@ControllerConfiguration(name = StorePoolReconciler.NAME, generationAwareEventProcessing = false,
        informer = @Informer(labelSelector = StorePoolReconciler.SELECTOR))
public class StorePoolReconciler implements Reconciler<StatefulSet> {
    public static final String NAME = "store-pool";
    static final String SELECTOR = "app.kubernetes.io/name=partition-store";
    private static final Logger LOG = Logger.getLogger(StorePoolReconciler.class);
    private static final long INTERVAL_MS = 5_000;

    private final ControllerCalls controller;

    @Inject
    public StorePoolReconciler(ControllerCalls controller) {
        this.controller = controller;
    }

    @Override
    public UpdateControl<StatefulSet> reconcile(StatefulSet sts, Context<StatefulSet> context) throws InterruptedException {
        if (controller.isStandby()) {
            return UpdateControl.<StatefulSet>noUpdate().rescheduleAfter(INTERVAL_MS);
        }
        int replicas = Optional.ofNullable(sts.getSpec().getReplicas()).orElse(1);
        Map<String, String> annotations = Optional.ofNullable(sts.getMetadata().getAnnotations()).orElse(Map.of());
        Optional<String> requested = Optional.ofNullable(annotations.get(StorePoolPlanner.STORES_ANNOTATION));
        StorePoolPlanner.Decision decision;
        try {
            StorePoolStatus status = controller.call(c -> {
                c.storePool(StorePoolPlanner.pool(replicas, requested));
                return Future.succeededFuture(c.storePoolStatus());
            });
            decision = StorePoolPlanner.decide(replicas, requested, status);
        } catch (ControllerUnavailableException e) {
            LOG.debugf("Store pool not reconciled: %s", e.getMessage());
            return UpdateControl.<StatefulSet>noUpdate().rescheduleAfter(INTERVAL_MS);
        }
        JsonObject metadataPatch = new JsonObject();
        JsonObject annotationPatch = new JsonObject();
        if (!Objects.equals(annotations.get(StorePoolPlanner.STATUS_ANNOTATION), decision.status())) {
            annotationPatch.put(StorePoolPlanner.STATUS_ANNOTATION, decision.status());
        }
        if (decision.removeAnnotation()) {
            annotationPatch.putNull(StorePoolPlanner.STORES_ANNOTATION);
        }
        JsonObject patch = new JsonObject();
        if (!annotationPatch.isEmpty()) {
            patch.put("metadata", metadataPatch.put("annotations", annotationPatch));
        }
        decision.newReplicas().ifPresent(n -> patch.put("spec", new JsonObject().put("replicas", n)));
        if (!patch.isEmpty()) {
            if (decision.newReplicas().isPresent()) {
                LOG.infof("StatefulSet %s/%s: spec.replicas %d -> %d (%s)", sts.getMetadata().getNamespace(),
                        sts.getMetadata().getName(), replicas, decision.newReplicas().get(), decision.status());
            }
            context.getClient().apps().statefulSets().inNamespace(sts.getMetadata().getNamespace())
                    .withName(sts.getMetadata().getName())
                    .patch(PatchContext.of(PatchType.JSON_MERGE), patch.encode());
        }
        return UpdateControl.<StatefulSet>noUpdate().rescheduleAfter(INTERVAL_MS);
    }
}
