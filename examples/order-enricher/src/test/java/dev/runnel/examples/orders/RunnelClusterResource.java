package dev.runnel.examples.orders;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Starts a Runnel cluster before the application, creates the application's topics with the Kafka AdminClient
 * (the application subscribes at start-up, so they must exist first), and points {@code kafka.bootstrap.servers}
 * at it.
 */
public class RunnelClusterResource implements QuarkusTestResourceLifecycleManager {
    static final int ORDER_PARTITIONS = 3;

    private RunnelCluster cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = RunnelCluster.start(Path.of("target/runnel-cluster"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
                admin.createTopics(List.of(
                        new NewTopic("orders", ORDER_PARTITIONS, (short) 1),
                        new NewTopic("orders-enriched", ORDER_PARTITIONS, (short) 1),
                        new NewTopic("orders-rejected", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("could not start a Runnel cluster for the test", e);
        }
        return Map.of("kafka.bootstrap.servers", cluster.bootstrap());
    }

    @Override
    public void stop() {
        if (cluster == null) {
            return;
        }
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("bin/runnel down failed", e);
        } finally {
            cluster = null;
        }
    }
}
