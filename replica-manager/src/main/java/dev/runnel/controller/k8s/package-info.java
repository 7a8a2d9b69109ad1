/**
 * The Kubernetes Topic operator, inside the replica-manager (Java Operator SDK's Quarkus extension).
 *
 * <p>Decide apart from doing: {@link dev.runnel.controller.k8s.TopicResourcePlanner} (pure) turns a Topic
 * resource and the controller's view of its topic into a {@link dev.runnel.controller.k8s.TopicPlan};
 * {@link dev.runnel.controller.k8s.TopicApplier} carries it out through the controller in this process
 * ({@link dev.runnel.controller.core.Controller}, the same validation as the Kafka API);
 * {@link dev.runnel.controller.k8s.TopicStatusWriter} (pure) computes the status, written only when it changed.
 * {@link dev.runnel.controller.k8s.TopicReconciler} only wires the three together.
 *
 * <p>Ownership: a topic the operator creates records its owner ({@code k8s:<namespace>/<name>}, column
 * {@code topics.managed_by}) in the same transaction; deleting a resource deletes only a topic it owns. A
 * topic created over the Kafka API is adopted (brought to the spec) but never deleted.
 *
 * <p>Threading: reconciliations run on the SDK's executor threads, one at a time per resource; they block
 * on controller calls (which run on the controller's event-loop context) for at most 30 s each. The
 * operator runs only when {@link dev.runnel.controller.k8s.OperatorActivation} enables it, and with
 * Lease-based leader election only one replica-manager reconciles at a time.
 */
package dev.runnel.controller.k8s;
