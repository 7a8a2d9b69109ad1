package dev.runnel.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** {@code /q/health/ready}: UP only after every partition log on disk has been recovered and the consumers are registered. */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {
    private final PartitionStoreService store;

    StoreReadinessCheck(PartitionStoreService store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        if (!store.isReady()) {
            return HealthCheckResponse.named("partition-store").down().withData("reason", store.notReadyReason()).build();
        }
        return HealthCheckResponse.named("partition-store").up()
                .withData("partitions", store.registry().partitions().size())
                .withData("metadataVersion", store.registry().appliedMetadataVersion())
                .withData("parkedFetches", store.purgatory().parkedCount())
                .build();
    }
}
