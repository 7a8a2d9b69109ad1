package dev.runnel.controller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the controller has migrated its schema, loaded the metadata and registered its bus consumers. */
@Readiness
@ApplicationScoped
public class ControllerReadinessCheck implements HealthCheck {
    @Inject
    ControllerLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("replica-manager").status(lifecycle.isReady())
                .withData("role", lifecycle.role());
        lifecycle.metadataVersion().ifPresent(version -> response.withData("metadataVersion", version));
        return response.build();
    }
}
