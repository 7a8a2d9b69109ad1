package dev.runnel.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Runnel cluster started the way a user starts one: with {@code bin/runnel up}, as real JVM processes
 * on 127.0.0.1, on ports and an event-bus cluster name of its own so it never meets a developer's cluster.
 * {@link #close()} runs {@code bin/runnel down}, which stops exactly the processes it started.
 */
public final class LocalCluster implements AutoCloseable {
    /** Shifts every port, so several checkouts can run their system tests at once on one machine. */
    static final int PORT_OFFSET = Integer.parseInt(System.getenv().getOrDefault("RUNNEL_IT_PORT_OFFSET", "0"));
    static final int KAFKA_PORT = 29092 + PORT_OFFSET;
    static final int HTTP_PORT = 28080 + PORT_OFFSET;

    private final Path root;
    private final Path dataDir;
    private final Map<String, String> env;

    private LocalCluster(Path root, Path dataDir, Map<String, String> env) {
        this.root = root;
        this.dataDir = dataDir;
        this.env = env;
    }

    /** Starts a cluster with {@code stores} partition-stores in a fresh data dir under target/. */
    public static LocalCluster start(String name, int stores) throws IOException, InterruptedException {
        return start(name, stores, "", Map.of());
    }

    /**
     * As {@link #start(String, int)}, with extra JVM options for every service ({@code RUNNEL_JAVA_OPTS}),
     * e.g. {@code -Drunnel.controller.store-session-timeout-ms=3000}; they apply to restarts by {@link #up()} too.
     */
    public static LocalCluster start(String name, int stores, String javaOpts) throws IOException, InterruptedException {
        return start(name, stores, javaOpts, Map.of());
    }

    /**
     * Starts a cluster with extra environment for {@code bin/runnel}, e.g. {@code KUBECONFIG} and
     * {@code RUNNEL_K8S_NAMESPACE} to run the Topic operator. Without it, a {@code KUBECONFIG} in the test's
     * own environment is not passed on: only the tests that ask for the operator get one.
     */
    public static LocalCluster start(String name, int stores, Map<String, String> extraEnv) throws IOException, InterruptedException {
        return start(name, stores, "", extraEnv);
    }

    /** The general form: extra JVM options for every service and extra environment for {@code bin/runnel}. */
    public static LocalCluster start(String name, int stores, String javaOpts, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Path root = repositoryRoot();
        Path dataDir = root.resolve("system-tests/target/clusters/" + name);
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.putAll(Map.of(
                "RUNNEL_DATA_DIR", dataDir.toString(),
                "RUNNEL_KAFKA_PORT", String.valueOf(KAFKA_PORT),
                "RUNNEL_HTTP_PORT", String.valueOf(HTTP_PORT),
                "RUNNEL_CLUSTER_NAME", "runnel-it-" + UUID.randomUUID(),
                "RUNNEL_CLUSTER_PORT", String.valueOf(25701 + PORT_OFFSET),
                "RUNNEL_PG_PORT", String.valueOf(25432 + PORT_OFFSET),
                "RUNNEL_JAVA_OPTS", javaOpts));
        LocalCluster cluster = new LocalCluster(root, dataDir, env);
        if (Files.exists(dataDir)) {
            cluster.runnel("down"); // whatever an aborted earlier run left behind
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        try {
            cluster.runnel("up", "--stores", String.valueOf(stores));
        } catch (IllegalStateException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The checkout's root directory (failsafe passes it as {@code runnel.root}). */
    public static Path repositoryRoot() {
        return Path.of(System.getProperty("runnel.root", "..")).toAbsolutePath().normalize();
    }

    public String bootstrap() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    public String httpBase() {
        return "http://127.0.0.1:" + HTTP_PORT;
    }

    /** The replica-manager's HTTP address ({@code GET /metadata} shows the real leaders and ISRs). */
    public String replicaManagerBase() {
        return "http://127.0.0.1:" + (HTTP_PORT + 2);
    }

    /** A service's HTTP address, as {@code bin/runnel} assigns ports: replica-manager(-2), store-N, ingest-gateway. */
    public String httpBase(String service) {
        int port = switch (service) {
            case "ingest-gateway" -> HTTP_PORT;
            case "replica-manager" -> HTTP_PORT + 2;
            case "replica-manager-2" -> HTTP_PORT + 3;
            default -> {
                if (!service.startsWith("store-")) {
                    throw new IllegalArgumentException("No HTTP port known for " + service);
                }
                yield HTTP_PORT + 10 + Integer.parseInt(service.substring("store-".length()));
            }
        };
        return "http://127.0.0.1:" + port;
    }

    /** Where a store keeps its partition folders. */
    public Path storeDir(int brokerId) {
        return dataDir.resolve("store-" + brokerId);
    }

    /** The pid {@code bin/runnel} recorded for a service, e.g. {@code store-1}. */
    public long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(dataDir.resolve("pids/" + service + ".pid")).trim());
    }

    /** SIGKILLs a service: no shutdown hooks, no flush — a crash. */
    public void kill(String service) throws Exception {
        long pid = pid(service);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start().waitFor();
        handle.onExit().get(30, TimeUnit.SECONDS);
    }

    /** SIGTERMs a service and waits until it exited: a graceful stop, as Kubernetes stops a pod. */
    public void stop(String service) throws Exception {
        long pid = pid(service);
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(service + " is not running"));
        new ProcessBuilder("kill", "-TERM", String.valueOf(pid)).inheritIO().start().waitFor();
        handle.onExit().get(60, TimeUnit.SECONDS);
    }

    /** {@code bin/runnel up --stores N}: starts the stores up to N that are not running (and anything else missing). */
    public void upWithStores(int stores) throws IOException, InterruptedException {
        runnel("up", "--stores", String.valueOf(stores));
    }

    /** {@code bin/runnel up} again: starts whatever is not running, and waits until it is ready. */
    public void up() throws IOException, InterruptedException {
        runnel("up");
    }

    public String status() throws IOException, InterruptedException {
        return runnel("status", "--json");
    }

    public Path log(String service) {
        return dataDir.resolve("logs/" + service + ".log");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        runnel("down");
    }

    private String runnel(String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(concat(root.resolve("bin/runnel").toString(), args))
                .directory(root.toFile())
                .redirectErrorStream(true);
        pb.environment().remove("KUBECONFIG");
        pb.environment().remove("RUNNEL_K8S_NAMESPACE");
        pb.environment().putAll(env);
        pb.environment().remove("RUNNEL_PG_URL");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(Duration.ofMinutes(5).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("bin/runnel " + String.join(" ", args) + " failed:\n" + output);
        }
        System.out.print(output);
        return output;
    }

    private static List<String> concat(String first, String... rest) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
