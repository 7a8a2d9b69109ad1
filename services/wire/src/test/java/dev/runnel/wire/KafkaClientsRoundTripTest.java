package dev.runnel.wire;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidConfigurationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real kafka-clients 4.1.1 producer, consumer and admin client against the server over 127.0.0.1. */
class KafkaClientsRoundTripTest {
    private static WireTestSupport.Running running;
    private static Admin admin;

    @BeforeAll
    static void start() {
        running = WireTestSupport.start(s -> s);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        admin = Admin.create(props);
    }

    @AfterAll
    static void stop() {
        admin.close(Duration.ofSeconds(5));
        running.close();
    }

    @Test
    void adminCreatesDescribesAltersGrowsAndDeletesTopics() throws Exception {
        CreateTopicsResult created = admin.createTopics(List.of(
                new NewTopic("admin-topic", 3, (short) 1).configs(Map.of("retention.ms", "3600000"))));
        created.all().get();
        assertThat(created.numPartitions("admin-topic").get()).isEqualTo(3);
        assertThat(created.config("admin-topic").get().get("retention.ms").value()).isEqualTo("3600000");
        assertThat(created.topicId("admin-topic").get()).isNotNull();

        TopicDescription description = admin.describeTopics(List.of("admin-topic")).allTopicNames().get().get("admin-topic");
        assertThat(description.partitions()).hasSize(3);
        assertThat(description.partitions()).allSatisfy(p -> {
            assertThat(p.leader().id()).isEqualTo(WireTestSupport.NODE_ID);
            assertThat(p.isr()).extracting(n -> n.id()).containsExactly(WireTestSupport.NODE_ID);
        });
        assertThat(description.topicId()).isEqualTo(created.topicId("admin-topic").get());

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "admin-topic");
        Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get("retention.ms").value()).isEqualTo("3600000");
        assertThat(config.get("retention.ms").source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        assertThat(config.get("retention.ms").isDefault()).isFalse();
        assertThat(config.get("segment.bytes").value()).isEqualTo("1073741824");
        assertThat(config.get("segment.bytes").source()).isEqualTo(ConfigEntry.ConfigSource.DEFAULT_CONFIG);
        assertThat(config.get("segment.bytes").isDefault()).isTrue();

        admin.incrementalAlterConfigs(Map.of(resource, List.of(
                new AlterConfigOp(new ConfigEntry("max.message.bytes", "2000000"), AlterConfigOp.OpType.SET),
                new AlterConfigOp(new ConfigEntry("retention.ms", null), AlterConfigOp.OpType.DELETE)))).all().get();
        Config altered = admin.describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(altered.get("max.message.bytes").value()).isEqualTo("2000000");
        assertThat(altered.get("retention.ms").value()).isEqualTo("604800000");
        assertThat(altered.get("retention.ms").isDefault()).isTrue();

        assertThatThrownBy(() -> admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                new ConfigEntry("segment.bytes", "zero"), AlterConfigOp.OpType.SET)))).all().get())
                .hasCauseInstanceOf(InvalidConfigurationException.class);

        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
        assertThat(admin.describeConfigs(List.of(broker)).all().get().get(broker).entries()).isEmpty();

        admin.createPartitions(Map.of("admin-topic", NewPartitions.increaseTo(5))).all().get();
        assertThat(admin.describeTopics(List.of("admin-topic")).allTopicNames().get().get("admin-topic").partitions())
                .hasSize(5);

        admin.deleteTopics(List.of("admin-topic")).all().get();
        assertThat(admin.listTopics().names().get()).doesNotContain("admin-topic");
        assertThatThrownBy(() -> admin.describeTopics(List.of("admin-topic")).allTopicNames().get())
                .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
    }

    @Test
    void adminGetsKafkaErrorsForBadTopics() throws Exception {
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("bad name!", 1, (short) 1))).all().get())
                .hasCauseInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("..", 1, (short) 1))).all().get())
                .hasCauseInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("x".repeat(250), 1, (short) 1))).all().get())
                .hasCauseInstanceOf(InvalidTopicException.class);
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("bad-config", 1, (short) 1)
                .configs(Map.of("cleanup.policy", "compact")))).all().get())
                .hasCauseInstanceOf(InvalidConfigurationException.class);

        admin.createTopics(List.of(new NewTopic("twice", 1, (short) 1))).all().get();
        assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic("twice", 1, (short) 1))).all().get())
                .hasCauseInstanceOf(TopicExistsException.class);
        // validateOnly must not create
        admin.createTopics(List.of(new NewTopic("only-validated", 1, (short) 1)),
                new org.apache.kafka.clients.admin.CreateTopicsOptions().validateOnly(true)).all().get();
        assertThat(admin.listTopics().names().get()).contains("twice").doesNotContain("only-validated");

        // DeleteTopics v6 by topic id: the id maps back to the name through metadata
        org.apache.kafka.common.Uuid id = admin.createTopics(List.of(new NewTopic("by-id", 1, (short) 1))).topicId("by-id").get();
        admin.deleteTopics(org.apache.kafka.common.TopicCollection.ofTopicIds(List.of(id))).all().get();
        assertThat(admin.listTopics().names().get()).doesNotContain("by-id");
        assertThatThrownBy(() -> admin.deleteTopics(org.apache.kafka.common.TopicCollection.ofTopicIds(List.of(id))).all().get())
                .hasCauseInstanceOf(org.apache.kafka.common.errors.UnknownTopicIdException.class);
    }

    @Test
    void adminDescribesTheClusterAsThisGateway() throws Exception {
        DescribeClusterResult cluster = admin.describeCluster();
        assertThat(cluster.clusterId().get()).isEqualTo("runnel-test-cluster");
        assertThat(cluster.controller().get().id()).isEqualTo(WireTestSupport.NODE_ID);
        assertThat(cluster.nodes().get()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo(WireTestSupport.NODE_ID);
            assertThat(n.port()).isEqualTo(running.port());
        });
    }

    @Test
    void idempotentProducerAndConsumerRoundTrip() throws Exception {
        admin.createTopics(List.of(new NewTopic("orders", 2, (short) 1))).all().get();
        long before = System.currentTimeMillis() - 1;

        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        List<RecordMetadata> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>("orders", i % 2, "key-" + i, "value-" + i);
                record.headers().add("trace", ("t" + i).getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(record));
            }
            producer.send(new ProducerRecord<>("orders", 0, "tombstone", null));
            producer.flush();
            for (Future<RecordMetadata> f : sends) {
                acks.add(f.get());
            }
        }
        assertThat(acks).filteredOn(m -> m.partition() == 0).extracting(RecordMetadata::offset)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (received.size() < 21 && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
            assertThat(received).hasSize(21);
            assertThat(received).filteredOn(r -> r.key().equals("key-4")).singleElement().satisfies(r -> {
                assertThat(r.value()).isEqualTo("value-4");
                assertThat(r.partition()).isEqualTo(0);
                assertThat(r.offset()).isEqualTo(2L);
                assertThat(new String(r.headers().lastHeader("trace").value(), StandardCharsets.UTF_8)).isEqualTo("t4");
            });
            assertThat(received).filteredOn(r -> r.key().equals("tombstone")).singleElement()
                    .satisfies(r -> assertThat(r.value()).isNull());

            assertThat(consumer.beginningOffsets(partitions)).containsEntry(partitions.get(0), 0L);
            assertThat(consumer.endOffsets(partitions)).containsEntry(partitions.get(0), 11L)
                    .containsEntry(partitions.get(1), 10L);
            Map<TopicPartition, OffsetAndTimestamp> byTime = consumer.offsetsForTimes(
                    Map.of(partitions.get(1), before, partitions.get(0), System.currentTimeMillis() + 3_600_000));
            assertThat(byTime.get(partitions.get(1)).offset()).isEqualTo(0L);
            assertThat(byTime.get(partitions.get(0))).isNull();

            // a consumer caught up at the end long-polls and then gets nothing, not an error
            consumer.seekToEnd(partitions);
            assertThat(consumer.poll(Duration.ofMillis(300))).isEmpty();
            assertThat(consumer.position(partitions.get(1))).isEqualTo(10L);
        }
    }

    @Test
    void consumerReadsLargeBatchesSentAsSharedFrameSegments() throws Exception {
        // batches well above the zero-copy threshold, so fetch responses go out as composite frames
        admin.createTopics(List.of(new NewTopic("large", 3, (short) 1))).all().get();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        int perPartition = 200;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 3 * perPartition; i++) {
                producer.send(new ProducerRecord<>("large", i % 3, "k" + i, largeValue(i)));
            }
            producer.flush();
        }

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c)) {
            List<TopicPartition> partitions = List.of(new TopicPartition("large", 0), new TopicPartition("large", 1),
                    new TopicPartition("large", 2));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<String, String> received = new java.util.HashMap<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (received.size() < 3 * perPartition && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> received.put(r.key(), r.value()));
            }
            assertThat(received).hasSize(3 * perPartition);
            for (int i = 0; i < 3 * perPartition; i++) {
                assertThat(received.get("k" + i)).as("value of k%d", i).isEqualTo(largeValue(i));
            }
        }
    }

    private static String largeValue(int i) {
        return (i + ":").repeat(5000 / (String.valueOf(i).length() + 1));
    }

    @Test
    void producerToUnknownTopicTimesOutInsteadOfAutoCreating() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1500");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("never-created", "k", "v")).get())
                    .isInstanceOf(ExecutionException.class);
        }
        assertThat(names()).doesNotContain("never-created");
    }

    private static Collection<String> names() {
        try {
            return admin.listTopics().names().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
