package dev.runnel.controller.k8s;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Leader election for the Topic operator: with two replica-manager replicas, only the holder of the Lease
 * {@code runnel-topic-operator} in the watched namespace reconciles; the other waits and takes over when the
 * lease expires. The operator SDK picks this bean up (in the profiles of
 * {@code quarkus.operator-sdk.activate-leader-election-for-profiles}). The identity is the pod name where
 * there is one, plus the process id, so two local processes on one host never share it.
 */
@ApplicationScoped
public class LeaderElection {
    public static final String LEASE_NAME = "runnel-topic-operator";

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "runnel.operator.lease-namespace") Optional<String> leaseNamespace,
            @ConfigProperty(name = "quarkus.operator-sdk.namespaces", defaultValue = "default") String namespaces) {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("replica-manager");
        return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE_NAME)
                .withLeaseNamespace(leaseNamespace.orElse(namespaces.split(",")[0].trim()))
                .withIdentity(host + "-" + ProcessHandle.current().pid())
                .build();
    }
}
