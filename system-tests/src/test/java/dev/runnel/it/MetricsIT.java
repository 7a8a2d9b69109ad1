package dev.runnel.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics answer an operator's questions after a known workload: N records produced to a topic of
 * two partitions with replication factor 2, a group that committed M of them. Scraping the services'
 * {@code /q/metrics} shows records in = N and bytes in = the bytes the stores hold, lag = produced − committed
 * per partition, under-replicated partitions while a follower store is down and none once it is back,
 * and every metric named in docs/metrics.md.
 */
class MetricsIT {
    private static final String TOPIC = "metered";
    private static final String GROUP = "metered-readers";
    private static final String LIVE_GROUP = "metered-live";
    private static final int N = 120;
    /** Committed per partition: M = 25 + 40 of the 60 + 60 produced. */
    private static final Map<Integer, Long> COMMITTED = Map.of(0, 25L, 1, 40L);
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static LocalCluster cluster;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        // dead stores leave the ISR after 3 s; lag is sampled every second
        cluster = LocalCluster.start("metrics", 2,
                "-Drunnel.controller.store-session-timeout-ms=3000 -Drunnel.offsets.lag-sample-ms=1000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void metricsDescribeAKnownWorkloadAndAFollowerOutage() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 2))).all().get();
        }
        produce();
        commit();

        try (KafkaConsumer<String, String> live = liveMember()) {
            // traffic: exactly the records produced; bytes = the batches the stores hold (never re-encoded)
            PrometheusScrape gateway = awaitScrape(gatewayPort(),
                    s -> s.sum("runnel_gateway_records_in_total", Map.of("topic", TOPIC)) == N);
            double bytesIn = gateway.sum("runnel_gateway_bytes_in_total", Map.of("topic", TOPIC));
            assertThat(bytesIn).isPositive();
            awaitScrape(storePort(1), s -> storedBytes(s) == bytesIn);
            assertThat(gateway.sum("runnel_gateway_records_out_total", Map.of("topic", TOPIC))).isGreaterThanOrEqualTo(N);
            assertThat(gateway.sum("runnel_gateway_request_seconds_count", Map.of("api", "Produce"))).isPositive();
            assertThat(gateway.sum("runnel_gateway_produce_seconds_count", Map.of("acks", "-1"))).isPositive();
            assertThat(gateway.sum("runnel_gateway_connections")).isPositive();

            // lag = produced − committed, per partition
            PrometheusScrape offsets = awaitScrape(offsetServicePort(),
                    s -> s.has("runnel_group_lag", Map.of("group", GROUP, "partition", "1"))
                            && s.has("runnel_group_members", Map.of("group", LIVE_GROUP)));
            for (var committed : COMMITTED.entrySet()) {
                Map<String, String> partition = Map.of("group", GROUP, "topic", TOPIC,
                        "partition", String.valueOf(committed.getKey()));
                assertThat(offsets.sum("runnel_group_committed_offset", partition)).isEqualTo((double) committed.getValue());
                assertThat(offsets.sum("runnel_group_lag", partition)).isEqualTo((double) (N / 2 - committed.getValue()));
            }
            assertThat(offsets.sum("runnel_group_members", Map.of("group", LIVE_GROUP))).isEqualTo(1.0);

            // every metric on the reference page is in a scrape
            Set<String> scraped = new TreeSet<>();
            for (int port : List.of(gatewayPort(), offsetServicePort(), replicaManagerPort(), storePort(1), storePort(2))) {
                scraped.addAll(scrape(port).names());
            }
            List<String> documented = documentedMetrics();
            assertThat(documented).hasSizeGreaterThan(20);
            assertThat(documented).allSatisfy(name -> assertThat(scraped)
                    .as("scraped series for documented metric %s", name)
                    .anyMatch(s -> s.equals(name) || s.equals(name + "_bucket") || s.equals(name + "_count")));
        }

        // a healthy start: nothing under-replicated, nothing offline
        awaitScrape(replicaManagerPort(), s -> s.sum("runnel_cluster_under_replicated_partitions") == 0
                && s.sum("runnel_cluster_offline_partitions") == 0 && s.sum("runnel_cluster_live_stores") == 2);

        // a follower store down: its partitions are under-replicated, none offline (store 1 leads them all)
        cluster.kill("store-2");
        awaitScrape(replicaManagerPort(), s -> s.sum("runnel_cluster_under_replicated_partitions") == 2
                && s.sum("runnel_cluster_offline_partitions") == 0 && s.sum("runnel_cluster_live_stores") == 1);
        awaitScrape(storePort(1), s -> s.sum("runnel_store_partitions_under_replicated") == 2
                && s.sum("runnel_store_partitions_led") == 2);

        // back: caught up, in the ISR again
        cluster.up();
        awaitScrape(replicaManagerPort(), s -> s.sum("runnel_cluster_under_replicated_partitions") == 0
                && s.sum("runnel_cluster_live_stores") == 2);
        PrometheusScrape store1 = awaitScrape(storePort(1), s -> s.sum("runnel_store_partitions_under_replicated") == 0);
        assertThat(store1.sum("runnel_store_isr_expands_total")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void recordsProducedOverHttpAreCountedLikeKafkaOnes() throws Exception {
        String topic = "metered-http";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        HttpResponse<String> produced = http.send(HttpRequest.newBuilder(URI.create(cluster.httpBase() + "/topics/" + topic + "/records"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"records\":[{\"value\":\"a\"},{\"value\":\"b\"},{\"value\":\"c\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(produced.statusCode()).as(produced.body()).isEqualTo(200);
        awaitScrape(gatewayPort(), s -> s.sum("runnel_gateway_records_in_total", Map.of("topic", topic)) == 3);
    }

    private void produce() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < N; i++) {
                producer.send(new ProducerRecord<>(TOPIC, i % 2, "k" + i, "value-" + i)).get();
            }
        }
    }

    /** Commits chosen offsets, as a consumer that processed that far would (no group membership needed). */
    private void commit() {
        Properties props = consumerProps(GROUP);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new java.util.HashMap<>();
            COMMITTED.forEach((p, o) -> offsets.put(new TopicPartition(TOPIC, p), new OffsetAndMetadata(o)));
            consumer.commitSync(offsets);
        }
    }

    /** A subscribed member that reads everything (records out) and stays in its group while scraped. */
    private KafkaConsumer<String, String> liveMember() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(LIVE_GROUP));
        consumer.subscribe(List.of(TOPIC));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int read = 0;
        while (read < N && System.nanoTime() < deadline) {
            read += consumer.poll(Duration.ofMillis(500)).count();
        }
        assertThat(read).isEqualTo(N);
        return consumer;
    }

    private Properties consumerProps(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    /** Log bytes of the topic on a store that holds every partition (both replicas are byte-identical). */
    private static double storedBytes(PrometheusScrape store) {
        return store.sum("runnel_store_log_size_bytes", Map.of("topic", TOPIC));
    }

    /** The metric names in the first column of docs/metrics.md's tables. */
    static List<String> documentedMetrics() throws IOException {
        Path page = Path.of(System.getProperty("runnel.root", "..")).resolve("docs/metrics.md");
        Pattern row = Pattern.compile("^\\|\\s*`(runnel_[a-z0-9_]+)`");
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(page)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private PrometheusScrape awaitScrape(int port, Predicate<PrometheusScrape> condition) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        PrometheusScrape last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = scrape(port);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IOException e) {
                // a restarting service: try again
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no scrape of port " + port + " met the condition within " + PATIENCE
                + "; last:\n" + (last == null ? "none" : last.samples().stream()
                .filter(s -> s.name().startsWith("runnel_") && !s.name().endsWith("_bucket")).map(Object::toString)
                .reduce("", (a, b) -> a + b + "\n")));
    }

    private PrometheusScrape scrape(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /q/metrics on " + port + ": HTTP " + response.statusCode());
        }
        return PrometheusScrape.parse(response.body());
    }

    private static int gatewayPort() {
        return LocalCluster.HTTP_PORT;
    }

    private static int offsetServicePort() {
        return LocalCluster.HTTP_PORT + 1;
    }

    private static int replicaManagerPort() {
        return LocalCluster.HTTP_PORT + 2;
    }

    private static int storePort(int brokerId) {
        return LocalCluster.HTTP_PORT + 10 + brokerId;
    }
}
