package dev.runnel.controller.k8s;

import dev.runnel.controller.ControllerLifecycle;
import dev.runnel.controller.ControllerNotRunningException;
import dev.runnel.controller.core.Controller;
import io.vertx.core.Future;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The operator's way into the controller in this process: runs a call on the controller's context and
 * blocks the calling operator thread (never an event loop) until it answers. The operator uses exactly
 * the controller operations the Kafka API uses, so a Topic resource is validated like a CreateTopics request.
 */
@ApplicationScoped
public class ControllerCalls {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ControllerLifecycle lifecycle;

    /**
     * Whether another replica-manager's controller is the active one (this one holds no lease). The operator's
     * reconcilers do nothing then: only the process whose controller is active acts on Kubernetes, so the
     * operator and the controller can never be split across two replica-managers.
     */
    public boolean isStandby() {
        return "standby".equals(lifecycle.role());
    }

    /**
     * @throws ControllerUnavailableException when the controller has not started, or does not answer in time
     */
    public <T> T call(Function<Controller, Future<T>> call) throws InterruptedException {
        try {
            return lifecycle.onController(call).toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ControllerNotRunningException notRunning) {
                throw new ControllerUnavailableException(notRunning.getMessage(), notRunning);
            }
            throw new ControllerUnavailableException("The controller failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ControllerUnavailableException("The controller did not answer within " + TIMEOUT.toSeconds() + " s", e);
        }
    }
}
