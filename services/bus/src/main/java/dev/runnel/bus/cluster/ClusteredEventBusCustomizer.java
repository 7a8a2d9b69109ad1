package dev.runnel.bus.cluster;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.VertxOptions;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Arrays;
import java.util.List;

/**
 * Installs the Hazelcast cluster manager into every Runnel service's Vert.x instance.
 *
 * <p>Quarkus 3.32 cannot discover vertx-hazelcast on its own (quarkusio/quarkus#53613), so its
 * service-provider file is hidden in each service's application.properties and the manager is set
 * here instead. Configuration: {@code runnel.cluster.name}, {@code runnel.cluster.host},
 * {@code runnel.cluster.port}, {@code runnel.cluster.members} (comma-separated); on Kubernetes
 * {@code runnel.cluster.kubernetes-service-dns} (a headless Service's DNS name) replaces the member list
 * with DNS discovery, and {@code runnel.cluster.host} is the pod IP.
 */
@Singleton
public class ClusteredEventBusCustomizer implements VertxOptionsCustomizer {

    @Override
    public void accept(VertxOptions options) {
        Config config = ConfigProvider.getConfig();
        ClusterSettings defaults = ClusterSettings.local();
        List<String> members = config.getOptionalValue("runnel.cluster.members", String.class)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(defaults.members());
        ClusterSettings settings = new ClusterSettings(
                config.getOptionalValue("runnel.cluster.name", String.class).orElse(defaults.name()),
                config.getOptionalValue("runnel.cluster.host", String.class).orElse(defaults.host()),
                config.getOptionalValue("runnel.cluster.port", Integer.class).orElse(defaults.port()),
                members);
        options.setClusterManager(HazelcastClusterManagers.create(settings,
                config.getOptionalValue("runnel.cluster.kubernetes-service-dns", String.class).filter(s -> !s.isBlank())));
    }
}
