package dev.runnel.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Topic operator end to end: a real API server (see {@link KubernetesTestCluster}), the Topic CRD from
 * k8s/base/crds, a local Runnel cluster whose replica-manager runs the operator against that API server
 * ({@code bin/runnel up} with {@code KUBECONFIG}), Topic resources written with the fabric8 client and the
 * result checked with the Kafka AdminClient. Each run works in a namespace of its own.
 */
class TopicOperatorIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String NAMESPACE = "runnel-operator-" + UUID.randomUUID().toString().substring(0, 8);

    private static KubernetesTestCluster kubernetes;
    private static KubernetesClient client;
    private static LocalCluster cluster;
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        kubernetes = KubernetesTestCluster.acquire();
        client = kubernetes.client();
        Path crd = LocalCluster.repositoryRoot().resolve("k8s/base/crds/topics.runnel.dev-v1.yml");
        try (InputStream in = new FileInputStream(crd.toFile())) {
            CustomResourceDefinition definition = client.apiextensions().v1().customResourceDefinitions().load(in).item();
            client.resource(definition).forceConflicts().serverSideApply();
            client.apiextensions().v1().customResourceDefinitions().withName(definition.getMetadata().getName())
                    .waitUntilCondition(d -> d.getStatus() != null && d.getStatus().getConditions().stream()
                            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus())), 30, TimeUnit.SECONDS);
        }
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
        cluster = LocalCluster.start("operator", 1, Map.of(
                "KUBECONFIG", kubernetes.kubeconfig().toString(),
                "RUNNEL_K8S_NAMESPACE", NAMESPACE));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            // delete the resources while the operator still runs, so their finalizers are released
            topics().delete();
            waitFor("every Topic resource to be gone", () -> topics().list().getItems().isEmpty());
        }
        if (admin != null) {
            admin.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (client != null) {
            client.namespaces().withName(NAMESPACE).delete();
            client.close();
        }
    }

    @Test
    void aTopicResourceCreatesGrowsRefusesAShrinkAndDeletesItsTopic() throws Exception {
        apply("orders", 3, Map.of("retention.ms", "60000", "max.message.bytes", "2048"));

        GenericKubernetesResource ready = awaitReady("orders", 1, "True");
        assertThat(condition(ready, "reason")).isEqualTo("Reconciled");
        assertThat(status(ready, "topicName")).isEqualTo("orders");
        assertThat(describe("orders").partitions()).hasSize(3);
        Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "orders")))
                .all().get().values().iterator().next();
        assertThat(config.get("retention.ms").value()).isEqualTo("60000");
        assertThat(config.get("max.message.bytes").value()).isEqualTo("2048");

        apply("orders", 5, Map.of("retention.ms", "60000", "max.message.bytes", "2048"));
        awaitReady("orders", 2, "True");
        assertThat(describe("orders").partitions()).hasSize(5);

        apply("orders", 2, Map.of("retention.ms", "60000", "max.message.bytes", "2048"));
        GenericKubernetesResource refused = awaitReady("orders", 3, "False");
        assertThat(condition(refused, "reason")).isEqualTo("PartitionDecreaseRefused");
        assertThat(condition(refused, "message")).contains("has 5 partitions");
        assertThat(describe("orders").partitions()).as("nothing changed").hasSize(5);

        topics().withName("orders").delete();
        waitFor("the Topic resource to be gone", () -> topics().withName("orders").get() == null);
        waitFor("the topic to be deleted", () -> !admin.listTopics().names().get().contains("orders"));
    }

    @Test
    void anInvalidConfigIsRefusedAndCreatesNothing() throws Exception {
        apply("bad-config", 1, Map.of("retention.ms", "soon"));

        GenericKubernetesResource refused = awaitReady("bad-config", 1, "False");

        assertThat(condition(refused, "reason")).isEqualTo("InvalidConfig");
        assertThat(condition(refused, "message")).contains("retention.ms");
        assertThat(admin.listTopics().names().get()).doesNotContain("bad-config");
    }

    @Test
    void aTopicCreatedOverTheKafkaApiIsAdoptedButNeverDeleted() throws Exception {
        admin.createTopics(List.of(new NewTopic("legacy", 2, (short) 1))).all().get();

        apply("legacy", 2, Map.of());
        GenericKubernetesResource adopted = awaitReady("legacy", 1, "True");
        assertThat(condition(adopted, "reason")).isEqualTo("Adopted");
        topics().withName("legacy").delete();
        waitFor("the Topic resource to be gone", () -> topics().withName("legacy").get() == null);

        assertThat(admin.listTopics().names().get()).contains("legacy");
        assertThat(describe("legacy").partitions()).hasSize(2);
    }

    private static NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> topics() {
        return client.genericKubernetesResources("runnel.dev/v1", "Topic").inNamespace(NAMESPACE);
    }

    private static void apply(String name, int partitions, Map<String, String> config) {
        GenericKubernetesResource topic = new GenericKubernetesResourceBuilder()
                .withApiVersion("runnel.dev/v1").withKind("Topic")
                .withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", Map.of("partitions", partitions, "replicas", 1, "config", config))
                .build();
        topics().resource(topic).forceConflicts().serverSideApply();
    }

    /** Waits until the resource's status describes {@code generation} with Ready = {@code ready}. */
    private static GenericKubernetesResource awaitReady(String name, long generation, String ready) throws Exception {
        Predicate<GenericKubernetesResource> done = r -> r != null
                && Long.valueOf(generation).equals(statusValue(r, "observedGeneration").map(v -> ((Number) v).longValue()).orElse(null))
                && ready.equals(condition(r, "status"));
        waitFor(name + " at generation " + generation + " with Ready=" + ready, () -> done.test(topics().withName(name).get()));
        return topics().withName(name).get();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object> statusValue(GenericKubernetesResource resource, String field) {
        Object status = resource.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? Optional.ofNullable(((Map<String, Object>) map).get(field)) : Optional.empty();
    }

    private static String status(GenericKubernetesResource resource, String field) {
        return statusValue(resource, field).map(String::valueOf).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static String condition(GenericKubernetesResource resource, String field) {
        return statusValue(resource, "conditions")
                .map(c -> (List<Map<String, Object>>) c)
                .flatMap(conditions -> conditions.stream().filter(c -> "Ready".equals(c.get("type"))).findFirst())
                .map(c -> String.valueOf(c.get(field))).orElse(null);
    }

    private static TopicDescription describe(String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void waitFor(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (!check.done()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(250);
        }
    }
}
