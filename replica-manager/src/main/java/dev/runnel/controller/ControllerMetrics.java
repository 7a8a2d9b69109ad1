package dev.runnel.controller;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.controller.core.ClusterHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.function.ToDoubleFunction;

/**
 * The replica-manager's Prometheus metrics ({@code /q/metrics}): cluster-wide replication health from the
 * metadata it publishes. Read at scrape time; before the controller has loaded its metadata the cluster
 * gauges show NaN (no value), so an alert on them does not fire on a starting controller.
 */
@Startup
@ApplicationScoped
public class ControllerMetrics {
    @Inject
    MeterRegistry meters;
    @Inject
    ControllerLifecycle lifecycle;

    @PostConstruct
    void register() {
        clusterGauge("runnel.cluster.offline.partitions", "Partitions without a leader (produce and fetch fail)",
                ClusterHealth::offlinePartitions);
        clusterGauge("runnel.cluster.under.replicated.partitions",
                "Partitions with a leader but an ISR smaller than their replica set", ClusterHealth::underReplicatedPartitions);
        clusterGauge("runnel.cluster.partitions", "Partitions of all topics", ClusterHealth::partitionCount);
        clusterGauge("runnel.cluster.live.stores", "Stores with a live session", m -> m.stores().size());
        clusterGauge("runnel.cluster.topics", "Topics", m -> m.topics().size());
        Gauge.builder("runnel.controller.active", lifecycle, l -> "active".equals(l.role()) ? 1 : 0)
                .description("1 while this replica-manager is the active controller serving metadata, else 0")
                .register(meters);
    }

    private void clusterGauge(String name, String description, ToDoubleFunction<ClusterMetadata> value) {
        Gauge.builder(name, lifecycle, l -> l.metadata().map(value::applyAsDouble).orElse(Double.NaN))
                .description(description).register(meters);
    }
}
