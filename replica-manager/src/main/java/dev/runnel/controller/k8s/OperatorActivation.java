package dev.runnel.controller.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Whether the replica-manager runs the Topic operator: {@code runnel.operator.enabled} when set; otherwise
 * only where there is a Kubernetes API server to talk to — a {@code KUBECONFIG} in the environment or the
 * service-account token a pod gets.
 */
public final class OperatorActivation {
    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    private OperatorActivation() {
    }

    public static boolean enabled(Optional<Boolean> configured, Map<String, String> env, Path serviceAccountToken) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String kubeconfig = env.get("KUBECONFIG");
        return (kubeconfig != null && !kubeconfig.isBlank()) || Files.exists(serviceAccountToken);
    }

    public static boolean enabled(Optional<Boolean> configured) {
        return enabled(configured, System.getenv(), SERVICE_ACCOUNT_TOKEN);
    }
}
