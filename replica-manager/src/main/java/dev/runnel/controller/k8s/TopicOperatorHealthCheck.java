package dev.runnel.controller.k8s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the operator (Topic and store-pool reconcilers): up when disabled or running (including in a
 * standby replica-manager, whose reconcilers wait until its controller is active), down while starting or
 * after it failed to start. Replaces the SDK's own check,
 * which would report a disabled operator as down.
 */
@Readiness
@ApplicationScoped
public class TopicOperatorHealthCheck implements HealthCheck {
    @Inject
    TopicOperator operator;

    @Override
    public HealthCheckResponse call() {
        TopicOperator.State state = operator.state();
        var response = HealthCheckResponse.named("topic-operator")
                .status(state == TopicOperator.State.DISABLED || state == TopicOperator.State.RUNNING)
                .withData("state", state.name().toLowerCase());
        if (state == TopicOperator.State.FAILED) {
            response.withData("failure", operator.failure());
        }
        return response.build();
    }
}
