package dev.runnel.it;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes API server the operator tests run against: the one {@code KUBECONFIG} points at (any
 * cluster — CI exports the one {@code .ci/run} started), or else a real kube-apiserver started here from
 * {@code ../shared/k8s-test-env/start.sh} (relative to the repository root) and stopped when the test JVM
 * exits. Without either, the tests are skipped with a message saying so. One per test JVM.
 */
public final class KubernetesTestCluster {
    private static Optional<KubernetesTestCluster> instance = Optional.empty();

    private final Path kubeconfig;

    private KubernetesTestCluster(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    /** The cluster for this test JVM; skips the calling test when there is none to be had. */
    public static synchronized KubernetesTestCluster acquire() throws IOException, InterruptedException {
        if (instance.isEmpty()) {
            instance = Optional.of(locate());
        }
        return instance.get();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public KubernetesClient client() throws IOException {
        Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Runs kubectl against this cluster; returns its output, or throws with it when kubectl fails. */
    public String kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static KubernetesTestCluster locate() throws IOException, InterruptedException {
        String fromEnv = System.getenv("KUBECONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new KubernetesTestCluster(Path.of(fromEnv.split(java.io.File.pathSeparator)[0]));
        }
        Path root = LocalCluster.repositoryRoot();
        Path env = root.resolveSibling("shared").resolve("k8s-test-env");
        Path start = env.resolve("start.sh");
        Assumptions.assumeTrue(Files.isExecutable(start), "Skipping the Kubernetes tests: KUBECONFIG is not set and "
                + start + " (a local kube-apiserver) does not exist");
        Path dir = root.resolve("system-tests/target/k8s-api");
        run(start.toString(), dir.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(env.resolve("stop.sh").toString(), dir.toString());
            } catch (Exception e) {
                System.err.println("Could not stop the kube-apiserver in " + dir + ": " + e);
            }
        }));
        return new KubernetesTestCluster(dir.resolve("kubeconfig"));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        System.out.print(output);
    }
}
