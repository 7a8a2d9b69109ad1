package dev.runnel.it;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the non-Java Kafka clients the system tests drive (kcat, node + kafkajs). When a tool is missing
 * the test is skipped — unless {@code RUNNEL_IT_REQUIRE_CLIENTS=1} (CI sets it after installing them),
 * where a missing tool fails the test instead of hiding it.
 */
final class ExternalTools {
    private ExternalTools() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static void require(String tool) throws IOException, InterruptedException {
        boolean present = new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        if (!present && "1".equals(System.getenv("RUNNEL_IT_REQUIRE_CLIENTS"))) {
            throw new IllegalStateException(tool + " is required (RUNNEL_IT_REQUIRE_CLIENTS=1) but not installed");
        }
        Assumptions.assumeTrue(present, tool + " is not installed");
    }

    static Result run(Path dir, String stdin, List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish in 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The kafkajs project under src/test/node, with its dependencies installed (npm ci) on first use. */
    static Path kafkajsProject() throws IOException, InterruptedException {
        Path dir = Path.of("src/test/node").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules/kafkajs"))) {
            Result install = run(dir, "", List.of("npm", "ci", "--no-audit", "--no-fund"));
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed: " + install.stderr());
            }
        }
        return dir;
    }
}
