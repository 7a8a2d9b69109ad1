package dev.runnel.offsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the schema is migrated and the bus consumers are registered, and only while PostgreSQL answers:
 * without it no commit can be made durable.
 */
@Readiness
@ApplicationScoped
public class OffsetServiceReadinessCheck implements HealthCheck {
    @Inject
    OffsetServiceLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("offset-service")
                .status(lifecycle.isStarted() && lifecycle.databaseReachable())
                .withData("started", lifecycle.isStarted())
                .withData("postgresql", lifecycle.databaseReachable())
                .build();
    }
}
