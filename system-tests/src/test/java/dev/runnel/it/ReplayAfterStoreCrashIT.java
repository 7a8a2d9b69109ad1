package dev.runnel.it;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core promise: records an unmodified Kafka producer had acknowledged are read back — the same
 * offsets, keys, values, headers and timestamps, in the same order per partition — after the store
 * holding them was SIGKILLed and restarted.
 */
class ReplayAfterStoreCrashIT {
    private static final String TOPIC = "replay";
    private static final int PARTITIONS = 6;
    private static final int RECORDS = 200_000;

    private static LocalCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start("replay", 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** What a consumer saw of one record; compared field by field across reads. */
    record Seen(long offset, String key, String value, long timestamp, List<String> headers) {
        static Seen of(ConsumerRecord<String, String> r) {
            List<String> headers = new ArrayList<>();
            for (Header h : r.headers()) {
                headers.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
            }
            return new Seen(r.offset(), r.key(), r.value(), r.timestamp(), headers);
        }
    }

    @Test
    void producedRecordsReplayIdenticallyAfterTheStoreIsKilled() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
            TopicDescription description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            assertThat(description.partitions()).hasSize(PARTITIONS);
        }

        Map<TopicPartition, List<Long>> acknowledged = produce();
        assertThat(acknowledged.values().stream().mapToInt(List::size).sum()).isEqualTo(RECORDS);

        Map<TopicPartition, List<Seen>> before = readAll();
        assertThat(before.values().stream().mapToInt(List::size).sum()).isEqualTo(RECORDS);
        for (var entry : before.entrySet()) {
            // offsets are dense from 0 and exactly the ones the producer was told
            assertThat(entry.getValue()).extracting(Seen::offset).containsExactlyElementsOf(acknowledged.get(entry.getKey()));
            assertThat(entry.getValue()).extracting(Seen::offset).first().isEqualTo(0L);
        }

        cluster.kill("store-1");
        cluster.up();

        Map<TopicPartition, List<Seen>> after = readAll();
        for (var entry : before.entrySet()) {
            assertThat(after.get(entry.getKey())).as("partition %s after restart", entry.getKey())
                    .containsExactlyElementsOf(entry.getValue());
        }

        checkOffsetsForTimes(after);
    }

    private Map<TopicPartition, List<Long>> produce() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        Map<TopicPartition, List<Long>> offsets = new HashMap<>();
        List<Future<RecordMetadata>> sent = new ArrayList<>(RECORDS);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, "key-" + (i % 1000), "value-" + i + "-" + "x".repeat(i % 50));
                record.headers().add("seq", String.valueOf(i).getBytes(StandardCharsets.UTF_8));
                record.headers().add("source", "replay-test".getBytes(StandardCharsets.UTF_8));
                sent.add(producer.send(record));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = f.get();
            offsets.computeIfAbsent(new TopicPartition(m.topic(), m.partition()), k -> new ArrayList<>()).add(m.offset());
        }
        offsets.values().forEach(list -> list.sort(Long::compare));
        return offsets;
    }

    private Map<TopicPartition, List<Seen>> readAll() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<TopicPartition, List<Seen>> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
                seen.put(new TopicPartition(TOPIC, p), new ArrayList<>());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            int total = 0;
            while (total < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.get(new TopicPartition(r.topic(), r.partition())).add(Seen.of(r));
                    total++;
                }
            }
            assertThat(total).as("records read").isEqualTo(RECORDS);
            for (TopicPartition tp : partitions) {
                assertThat(consumer.position(tp)).isEqualTo(end.get(tp));
            }
        }
        return seen;
    }

    /** For sampled records, offsetsForTimes(t) must be the first offset in the partition with timestamp >= t. */
    private void checkOffsetsForTimes(Map<TopicPartition, List<Seen>> records) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            for (var entry : records.entrySet()) {
                List<Seen> list = entry.getValue();
                for (int i = 0; i < list.size(); i += Math.max(1, list.size() / 7)) {
                    long t = list.get(i).timestamp();
                    long expected = list.stream().filter(s -> s.timestamp() >= t).mapToLong(Seen::offset).min().orElseThrow();
                    OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(entry.getKey(), t)).get(entry.getKey());
                    assertThat(found).as("offsetsForTimes(%s, %d)", entry.getKey(), t).isNotNull();
                    assertThat(found.offset()).as("offsetsForTimes(%s, %d)", entry.getKey(), t).isEqualTo(expected);
                }
                long afterLast = list.stream().mapToLong(Seen::timestamp).max().orElseThrow() + 60_000;
                assertThat(consumer.offsetsForTimes(Map.of(entry.getKey(), afterLast)).get(entry.getKey())).isNull();
            }
        }
    }
}
