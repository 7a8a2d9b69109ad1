package dev.runnel.controller.k8s;

import io.javaoperatorsdk.operator.Operator;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts the operator — the Topic reconciler and the store-pool reconciler ({@link StorePoolReconciler}) — when {@link OperatorActivation} says so ({@code quarkus.operator-sdk.start-operator}
 * is false, so the SDK never starts it by itself). Off, the replica-manager runs exactly as without
 * Kubernetes: the SDK's Operator bean is never even created. The start runs off the main thread, because it
 * waits for the informers to sync; a failure (no CRD installed, no permission) is kept for readiness and logged.
 */
@ApplicationScoped
public class TopicOperator {
    private static final Logger LOG = Logger.getLogger(TopicOperator.class);

    /** What the operator is doing, for readiness. */
    public enum State { DISABLED, STARTING, RUNNING, FAILED }

    @ConfigProperty(name = "runnel.operator.enabled")
    Optional<Boolean> enabled;
    @ConfigProperty(name = "quarkus.operator-sdk.namespaces", defaultValue = "default")
    String namespaces;

    private final AtomicReference<State> state = new AtomicReference<>(State.DISABLED);
    private volatile String failure = "";
    private volatile Optional<Operator> started = Optional.empty();

    void onStart(@Observes StartupEvent event, Instance<Operator> operator) {
        if (!OperatorActivation.enabled(enabled)) {
            LOG.info("Topic operator disabled (no KUBECONFIG, no service account; runnel.operator.enabled to force it)");
            return;
        }
        state.set(State.STARTING);
        Thread starter = new Thread(() -> start(operator.get()), "topic-operator-start");
        starter.setDaemon(true);
        starter.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        started.ifPresent(Operator::stop);
    }

    public State state() {
        return state.get();
    }

    public String failure() {
        return failure;
    }

    private void start(Operator operator) {
        try {
            LOG.infof("Starting the Topic operator (namespaces: %s, API server: %s)", namespaces,
                    operator.getKubernetesClient().getMasterUrl());
            operator.start();
            started = Optional.of(operator);
            state.set(State.RUNNING);
            LOG.info("Topic operator running");
        } catch (RuntimeException e) {
            failure = String.valueOf(e.getMessage());
            state.set(State.FAILED);
            LOG.error("The Topic operator could not start (is the Topic CRD installed? does the service account"
                    + " have the RBAC in k8s/base/rbac.yaml?); the replica-manager keeps serving Kafka", e);
        }
    }
}
