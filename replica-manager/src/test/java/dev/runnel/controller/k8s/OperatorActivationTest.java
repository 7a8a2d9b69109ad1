package dev.runnel.controller.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorActivationTest {
    @TempDir
    Path dir;

    @Test
    void offWithoutAnyKubernetes() {
        assertThat(OperatorActivation.enabled(Optional.empty(), Map.of(), dir.resolve("token"))).isFalse();
    }

    @Test
    void onWithAKubeconfigOrAServiceAccount() throws Exception {
        assertThat(OperatorActivation.enabled(Optional.empty(), Map.of("KUBECONFIG", "/tmp/k"), dir.resolve("token"))).isTrue();
        Files.writeString(dir.resolve("token"), "t");
        assertThat(OperatorActivation.enabled(Optional.empty(), Map.of(), dir.resolve("token"))).isTrue();
    }

    @Test
    void theSettingWins() {
        assertThat(OperatorActivation.enabled(Optional.of(false), Map.of("KUBECONFIG", "/tmp/k"), dir.resolve("token"))).isFalse();
        assertThat(OperatorActivation.enabled(Optional.of(true), Map.of(), dir.resolve("token"))).isTrue();
    }
}
