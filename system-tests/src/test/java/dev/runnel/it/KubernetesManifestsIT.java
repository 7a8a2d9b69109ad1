package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomize manifests under k8s/ are accepted by a real API server: {@code kubectl apply
 * --dry-run=server} validates every object against the server's schemas (and admission) without creating
 * anything. Each kustomization is applied into a namespace of the test's own (created for real, deleted
 * after), so the test can run against any cluster. On a Kubernetes 1.20 server the documented
 * {@code components/kubernetes-1.20} (PodDisruptionBudgets as policy/v1beta1) is added.
 */
class KubernetesManifestsIT {
    private static KubernetesTestCluster cluster;
    private static final String NAMESPACE = "runnel-manifests-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void createNamespace() throws Exception {
        cluster = KubernetesTestCluster.acquire();
        cluster.kubectl("create", "namespace", NAMESPACE);
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        if (cluster != null) {
            cluster.kubectl("delete", "namespace", NAMESPACE, "--wait=false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev"})
    void aServerSideDryRunAcceptsEveryObject(String kustomization) throws Exception {
        Path root = LocalCluster.repositoryRoot();
        Path wrapper = root.resolve("system-tests/target/kustomize/" + kustomization.replace('/', '-'));
        Files.createDirectories(wrapper);
        Path relativeRoot = wrapper.relativize(root);
        StringBuilder yaml = new StringBuilder("namespace: ").append(NAMESPACE).append('\n')
                .append("resources: [").append(relativeRoot.resolve("k8s/" + kustomization)).append("]\n");
        if (serverMinorVersion() < 21) {
            yaml.append("components: [").append(relativeRoot.resolve("k8s/components/kubernetes-1.20")).append("]\n");
        }
        Files.writeString(wrapper.resolve("kustomization.yaml"), yaml);

        String output = cluster.kubectl("apply", "--dry-run=server", "-k", wrapper.toString());

        System.out.print(output);
        assertThat(output).contains("statefulset.apps/partition-store", "deployment.apps/replica-manager",
                "deployment.apps/ingest-gateway", "deployment.apps/offset-service", "poddisruptionbudget.policy/partition-store",
                "role.rbac.authorization.k8s.io/runnel-topic-operator", "customresourcedefinition.apiextensions.k8s.io/topics.runnel.dev",
                "service/runnel-bus");
        assertThat(output).doesNotContain("error", "Error");
    }

    @org.junit.jupiter.api.Test
    void theExampleTopicsAreValidResources() throws Exception {
        Path root = LocalCluster.repositoryRoot();
        cluster.kubectl("apply", "--server-side", "--force-conflicts", "-f", root.resolve("k8s/base/crds/topics.runnel.dev-v1.yml").toString());
        cluster.kubectl("wait", "--for=condition=Established", "--timeout=30s", "crd/topics.runnel.dev");

        String output = cluster.kubectl("apply", "--dry-run=server", "-n", NAMESPACE, "-f", root.resolve("k8s/examples/topics.yaml").toString());

        assertThat(output).contains("topic.runnel.dev/orders created (server dry run)", "topic.runnel.dev/customer-state created (server dry run)");
    }

    private static int serverMinorVersion() throws Exception {
        JsonNode version = new ObjectMapper().readTree(cluster.kubectl("version", "-o", "json")).path("serverVersion");
        return Integer.parseInt(version.path("minor").asText().replaceAll("[^0-9]", ""));
    }
}
