package dev.runnel.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the gateway has metadata, a live store, and its Kafka listener is open. */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {
    @Inject
    GatewayService gateway;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gateway")
                .status(gateway.acceptsProduce())
                .withData("metadataVersion", gateway.metadata().current().map(m -> m.version()).orElse(-1L))
                .withData("liveStores", gateway.metadata().current().map(m -> (long) m.stores().size()).orElse(0L))
                .build();
    }
}
