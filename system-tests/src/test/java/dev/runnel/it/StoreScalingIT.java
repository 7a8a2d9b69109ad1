package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.RollableScalableResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scaling the partition-store StatefulSet, end to end against a real API server (see
 * {@link KubernetesTestCluster}). The API server runs no pods, so the test stands in for them: it starts and
 * stops local partition-stores whose broker ids match the StatefulSet's pod names ({@code partition-store-N}
 * is broker id N+1) when the StatefulSet's replicas change, as the kubelet would. The replica-manager runs
 * the operator against that API server ({@code bin/runnel up} with {@code KUBECONFIG}).
 *
 * <p>While a default-configured (idempotent, acks=all) producer writes without pause: {@code kubectl scale}
 * 3 → 5 spreads the partitions over all five stores; {@code kubectl annotate runnel.dev/stores=3} drains
 * stores 4 and 5 and only then lowers {@code spec.replicas}; the two stores stop. No send fails, every
 * acknowledged record is read back exactly once, and every partition ends with its three replicas in sync.
 */
class StoreScalingIT {
    private static final String TOPIC = "scaled";
    private static final int PARTITIONS = 6;
    private static final int RF = 3;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String NAMESPACE = "runnel-scaling-" + UUID.randomUUID().toString().substring(0, 8);

    private static KubernetesTestCluster kubernetes;
    private static KubernetesClient client;
    private static LocalCluster cluster;
    private static ReplicaManagerProbe probe;

    @BeforeAll
    static void start() throws Exception {
        kubernetes = KubernetesTestCluster.acquire();
        client = kubernetes.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
        client.apps().statefulSets().inNamespace(NAMESPACE).resource(statefulSet(3)).create();
        // the Topic CRD may be absent in this API server: the Topic operator then fails to start (reported in
        // readiness), which the store-pool operator does not depend on — both run in one SDK Operator, so install it
        kubernetes.kubectl("apply", "-f", LocalCluster.repositoryRoot().resolve("k8s/base/crds/topics.runnel.dev-v1.yml").toString());
        cluster = LocalCluster.start("store-scaling", 3, "-Drunnel.controller.store-session-timeout-ms=3000",
                Map.of("KUBECONFIG", kubernetes.kubeconfig().toString(), "RUNNEL_K8S_NAMESPACE", NAMESPACE));
        probe = new ReplicaManagerProbe(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (client != null) {
            client.namespaces().withName(NAMESPACE).delete();
            client.close();
        }
    }

    @Test
    void scalingOutAndBackInMovesPartitionsWithoutLosingARecord() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) RF)
                    .configs(Map.of("min.insync.replicas", "2")))).all().get();
        }
        probe.await(WAIT, "every partition fully in sync on stores 1-3", m -> settledOn(m, Set.of(1, 2, 3)));

        SequenceWriter writer = new SequenceWriter(cluster.bootstrap(), TOPIC);
        try {
            writer.awaitMoreAcks(1000);

            // scale out: kubectl scale, then the "kubelet" starts partition-store-3 and -4 (broker ids 4 and 5)
            kubernetes.kubectl("-n", NAMESPACE, "scale", "statefulset/partition-store", "--replicas=5");
            cluster.upWithStores(5);
            JsonNode spread = probe.await(WAIT, "partitions spread evenly over stores 1-5", m -> settledOn(m, Set.of(1, 2, 3, 4, 5)));
            Map<Integer, Integer> perStore = replicasPerStore(spread);
            assertThat(perStore.keySet()).as("stores holding replicas").containsExactly(1, 2, 3, 4, 5);
            assertThat(perStore.values()).as("replicas per store (18 over 5)").allMatch(n -> n == 3 || n == 4);
            awaitStatus("Balanced over 5 stores");
            writer.awaitMoreAcks(1000);
            assertThat(writer.failed.get()).as("sends failed while scaling out").isZero();

            // scale in: ask for 3 stores; the operator drains 4 and 5, then lowers spec.replicas
            kubernetes.kubectl("-n", NAMESPACE, "annotate", "statefulset/partition-store", "runnel.dev/stores=3");
            awaitReplicas(3);
            JsonNode drained = probe.metadata();
            assertThat(replicasPerStore(drained).keySet()).as("stores holding replicas when spec.replicas dropped")
                    .containsExactly(1, 2, 3);
            assertThat(statefulSet().get().getMetadata().getAnnotations()).doesNotContainKey("runnel.dev/stores");
            cluster.stop("store-5"); // the StatefulSet removes the highest ordinals
            cluster.stop("store-4");
            writer.awaitMoreAcks(1000);
        } finally {
            writer.close();
        }
        System.out.printf("scaled 3 -> 5 -> 3 stores; %d records sent, %d acknowledged, %d failed%n",
                writer.sent.get(), writer.acked.size(), writer.failed.get());
        assertThat(writer.failed.get()).as("sends failed while scaling").isZero();

        probe.await(WAIT, "every partition fully in sync on stores 1-3 after scaling in", m -> settledOn(m, Set.of(1, 2, 3)));
        Map<Integer, List<ConsumerRecord<String, String>>> log = AcknowledgedRecords.readAll(cluster.bootstrap(), TOPIC, PARTITIONS);
        AcknowledgedRecords.checkEachReadOnceWhereAcknowledged(writer.acked, log);
        AcknowledgedRecords.checkOrderWithoutDuplicates(log);
    }

    /** Every partition has RF replicas, all in sync, all among {@code stores}, none moving, each store holding some. */
    private static boolean settledOn(JsonNode metadata, Set<Integer> stores) {
        List<JsonNode> partitions = ReplicaManagerProbe.partitions(metadata, TOPIC);
        if (partitions.size() != PARTITIONS) {
            return false;
        }
        for (JsonNode p : partitions) {
            List<Integer> replicas = ReplicaManagerProbe.ids(p.get("replicas"));
            List<Integer> isr = ReplicaManagerProbe.ids(p.get("isr"));
            if (replicas.size() != RF || !stores.containsAll(replicas) || !isr.containsAll(replicas)
                    || !ReplicaManagerProbe.ids(p.get("addingReplicas")).isEmpty() || !ReplicaManagerProbe.ids(p.get("removingReplicas")).isEmpty()
                    || p.get("leader").asInt() <= 0) {
                return false;
            }
        }
        return replicasPerStore(metadata).keySet().equals(new java.util.TreeSet<>(stores));
    }

    private static Map<Integer, Integer> replicasPerStore(JsonNode metadata) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (JsonNode p : ReplicaManagerProbe.partitions(metadata, TOPIC)) {
            ReplicaManagerProbe.ids(p.get("replicas")).forEach(id -> counts.merge(id, 1, Integer::sum));
        }
        return counts;
    }

    private static StatefulSet statefulSet(int replicas) {
        return new StatefulSetBuilder()
                .withNewMetadata().withName("partition-store").addToLabels("app.kubernetes.io/name", "partition-store").endMetadata()
                .withNewSpec().withReplicas(replicas).withServiceName("partition-store")
                .withNewSelector().addToMatchLabels("app.kubernetes.io/name", "partition-store").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app.kubernetes.io/name", "partition-store").endMetadata()
                .withNewSpec().addNewContainer().withName("partition-store").withImage("runnel/partition-store").endContainer()
                .endSpec().endTemplate().endSpec().build();
    }

    private static Optional<StatefulSet> statefulSet() {
        RollableScalableResource<StatefulSet> sts = client.apps().statefulSets().inNamespace(NAMESPACE).withName("partition-store");
        return Optional.ofNullable(sts.get());
    }

    private static void awaitReplicas(int replicas) throws InterruptedException {
        client.apps().statefulSets().inNamespace(NAMESPACE).withName("partition-store")
                .waitUntilCondition(s -> s != null && s.getSpec().getReplicas() == replicas, WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void awaitStatus(String status) {
        client.apps().statefulSets().inNamespace(NAMESPACE).withName("partition-store")
                .waitUntilCondition(s -> s != null && s.getMetadata().getAnnotations() != null
                        && status.equals(s.getMetadata().getAnnotations().get("runnel.dev/stores-status")), WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
