package dev.runnel.controller.k8s;

import dev.runnel.controller.core.StorePoolStatus;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Decides what the store-pool operator does with the partition-store StatefulSet. Pure.
 *
 * <p>Pod {@code partition-store-N} is broker id N+1, so a StatefulSet of R replicas is stores 1..R.
 * <ul>
 *   <li>Scale up: {@code kubectl scale} the StatefulSet; the pool grows with {@code spec.replicas} and the
 *       controller moves partitions onto the new stores once they are alive.</li>
 *   <li>Scale down: annotate the StatefulSet {@code runnel.dev/stores=N}. The pool shrinks to stores 1..N at
 *       once, so the controller drains the doomed stores; only when none of them holds a replica does the
 *       operator set {@code spec.replicas} to N and remove the annotation. (A StatefulSet deletes its
 *       highest ordinals the moment {@code spec.replicas} drops, so the drain has to come first.)</li>
 * </ul>
 * An annotation above {@code spec.replicas} simply scales up. A {@code kubectl scale} down skips the drain:
 * the stores are gone before their replicas move, and the controller re-replicates their partitions from
 * the surviving in-sync replicas (enough for replication factor ≥ 2 when one store goes at a time).
 */
public final class StorePoolPlanner {
    /** The scale-down request: the number of stores to shrink to, after draining. */
    public static final String STORES_ANNOTATION = "runnel.dev/stores";
    /** Where the operator reports progress, one line. */
    public static final String STATUS_ANNOTATION = "runnel.dev/stores-status";

    private StorePoolPlanner() {
    }

    /** What to do now. */
    public record Decision(Set<Integer> pool, Optional<Integer> newReplicas, boolean removeAnnotation, String status) {
    }

    /** The stores the pool should hold: the annotation's count when it is a valid one, else spec.replicas. */
    public static Set<Integer> pool(int specReplicas, Optional<String> annotation) {
        return storeIds(requested(annotation).orElse(specReplicas));
    }

    /**
     * @param status the controller's view of the pool returned by {@link #pool}
     */
    public static Decision decide(int specReplicas, Optional<String> annotation, StorePoolStatus status) {
        Set<Integer> pool = pool(specReplicas, annotation);
        if (annotation.isPresent() && requested(annotation).isEmpty()) {
            return new Decision(pool, Optional.empty(), false, "Invalid " + STORES_ANNOTATION + " '" + annotation.get()
                    + "': expected a whole number of stores >= 1; following spec.replicas " + specReplicas);
        }
        int desired = pool.size();
        if (desired > specReplicas) {
            return new Decision(pool, Optional.of(desired), true, "Scaling up to " + desired + " stores");
        }
        if (desired < specReplicas) {
            Set<Integer> doomed = new TreeSet<>(storeIds(specReplicas));
            doomed.removeAll(pool);
            if (status.drained(doomed)) {
                return new Decision(pool, Optional.of(desired), true, "Drained stores " + doomed + "; scaling down to " + desired);
            }
            return new Decision(pool, Optional.empty(), false, "Draining stores " + doomed + " before scaling down to "
                    + desired + ": " + progress(status));
        }
        if (annotation.isPresent()) {
            return new Decision(pool, Optional.empty(), true, summary(status));
        }
        return new Decision(pool, Optional.empty(), false, summary(status));
    }

    private static String summary(StorePoolStatus status) {
        if (!status.missing().isEmpty()) {
            return "Waiting for stores " + status.missing() + " to join; " + progress(status);
        }
        return status.balanced() ? "Balanced over " + status.pool().size() + " stores" : "Rebalancing: " + progress(status);
    }

    private static String progress(StorePoolStatus status) {
        String holding = status.holdingOutside().isEmpty() ? "" : ", stores " + status.holdingOutside() + " still hold replicas";
        return status.moving() + " partition(s) moving" + holding;
    }

    private static Optional<Integer> requested(Optional<String> annotation) {
        try {
            return annotation.map(String::trim).map(Integer::parseInt).filter(n -> n >= 1);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Set<Integer> storeIds(int count) {
        return IntStream.rangeClosed(1, count).boxed().collect(Collectors.toCollection(TreeSet::new));
    }
}
