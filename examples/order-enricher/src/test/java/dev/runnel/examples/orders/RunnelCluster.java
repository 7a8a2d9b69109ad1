package dev.runnel.examples.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Runnel cluster started the way a user starts one, {@code bin/runnel up}, on this module's own ports
 * and a random event-bus cluster name, with its data under target/. {@link #close()} runs {@code bin/runnel down},
 * which stops exactly the processes {@code up} started.
 *
 * <p>Ports: a block apart from system-tests' (Kafka 31092, HTTP 32080…, Hazelcast 27701, PostgreSQL 27432),
 * shifted by {@code RUNNEL_IT_PORT_OFFSET} so several checkouts can test at once on one machine.
 */
final class RunnelCluster implements AutoCloseable {
    private static final int PORT_OFFSET = Integer.parseInt(System.getenv().getOrDefault("RUNNEL_IT_PORT_OFFSET", "0"));
    private static final int KAFKA_PORT = 31092 + PORT_OFFSET;
    private static final long COMMAND_TIMEOUT_SECONDS = 300;

    private final Path root;
    private final Map<String, String> env;

    private RunnelCluster(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    /** Starts a one-store cluster in a fresh data dir; whatever an aborted earlier run left there is stopped first. */
    static RunnelCluster start(Path dataDir) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("runnel.root", "../..")).toAbsolutePath().normalize();
        RunnelCluster cluster = new RunnelCluster(root, Map.of(
                "RUNNEL_DATA_DIR", dataDir.toAbsolutePath().toString(),
                "RUNNEL_KAFKA_PORT", String.valueOf(KAFKA_PORT),
                "RUNNEL_HTTP_PORT", String.valueOf(32080 + PORT_OFFSET),
                "RUNNEL_CLUSTER_NAME", "runnel-example-" + UUID.randomUUID(),
                "RUNNEL_CLUSTER_PORT", String.valueOf(27701 + PORT_OFFSET),
                "RUNNEL_PG_PORT", String.valueOf(27432 + PORT_OFFSET)));
        if (Files.exists(dataDir)) {
            cluster.runnel("down");
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        try {
            cluster.runnel("up");
        } catch (IllegalStateException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String bootstrap() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        runnel("down");
    }

    private void runnel(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(root.resolve("bin/runnel").toString(), command))
                .directory(root.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().remove("RUNNEL_PG_URL"); // tests always run their own embedded PostgreSQL
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("bin/runnel " + command + " failed:\n" + output);
        }
        System.out.print(output);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
