package dev.runnel.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The application, unchanged, against a real Runnel cluster: plain Kafka clients feed it orders and read what it
 * wrote, and the AdminClient checks that its consumer group committed every offset it consumed.
 */
@QuarkusTest
@WithTestResource(RunnelClusterResource.class)
class OrderEnricherAgainstRunnelTest {
    private static final String GROUP = "order-enricher";
    private static final int CUSTOMERS = 4;
    private static final int ORDERS_PER_CUSTOMER = 6;
    private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private final OrderJson json = new OrderJson();

    @Test
    void enrichesEveryOrderInOrderRejectsInvalidOnesAndCommitsTheGroupsOffsets() throws Exception {
        // 24 valid orders from 4 customers, with two invalid ones in the middle of customer-1's stream
        Map<String, List<EnrichedOrder>> expected = new LinkedHashMap<>();
        List<ProducerRecord<String, String>> input = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = "customer-" + c;
            for (int i = 0; i < ORDERS_PER_CUSTOMER; i++) {
                int quantity = i + 1;
                long unitPrice = 700 + 100L * c;
                Order order = new Order(customer + "-order-" + i, "sku-" + (i % 3), quantity, unitPrice);
                input.add(new ProducerRecord<>("orders", customer, json.write(order)));
                long total = quantity * unitPrice; // customer-3's fifth order is exactly the 5000-cent threshold
                expected.computeIfAbsent(customer, k -> new ArrayList<>()).add(new EnrichedOrder(order.orderId(),
                        order.sku(), quantity, unitPrice, total, total >= 5000 ? Shipping.FREE : Shipping.STANDARD));
                if (c == 1 && i == 2) {
                    input.add(new ProducerRecord<>("orders", customer, "{\"orderId\":\"bad-qty\",\"sku\":\"sku-0\",\"quantity\":0,\"unitPriceCents\":100}"));
                    input.add(new ProducerRecord<>("orders", customer, "not json"));
                }
            }
        }
        assertThat(expected.values().stream().flatMap(List::stream).filter(o -> o.shipping() == Shipping.FREE)).hasSize(3);

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : input) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, Long> inputEnd = endOffsets(admin, "orders", RunnelClusterResource.ORDER_PARTITIONS);
            assertThat(inputEnd.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(input.size());

            // The group commits once an order's output (or dead letter) is written: all committed = all processed.
            Map<TopicPartition, Long> committed = awaitCommitted(admin, inputEnd);
            assertThat(committed).isEqualTo(inputEnd);

            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get(30, TimeUnit.SECONDS).get(GROUP);
            assertThat(group.members()).hasSize(1);
            assertThat(group.members().stream().map(MemberDescription::assignment).flatMap(a -> a.topicPartitions().stream()))
                    .containsExactlyInAnyOrderElementsOf(inputEnd.keySet());

            Map<TopicPartition, Long> outputEnd = endOffsets(admin, "orders-enriched", RunnelClusterResource.ORDER_PARTITIONS);
            List<ConsumerRecord<String, String>> output = readAll(outputEnd);
            assertThat(output).hasSize(CUSTOMERS * ORDERS_PER_CUSTOMER);
            // per key, in input order: a customer's orders share a partition, and the app keeps the key
            Map<String, List<EnrichedOrder>> actual = output.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    LinkedHashMap::new, Collectors.mapping(r -> json.readEnrichedOrder(r.value()), Collectors.toList())));
            assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);

            List<ConsumerRecord<String, String>> rejected = readAll(endOffsets(admin, "orders-rejected", 1));
            assertThat(rejected).extracting(ConsumerRecord::key).containsOnly("customer-1");
            assertThat(rejected).extracting(ConsumerRecord::value).containsExactly(
                    "{\"orderId\":\"bad-qty\",\"sku\":\"sku-0\",\"quantity\":0,\"unitPriceCents\":100}", "not json");
            assertThat(deadLetterReason(rejected.get(0))).contains("bad-qty has quantity 0");
            assertThat(deadLetterReason(rejected.get(1))).contains("not an order: not json");
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, int partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> awaitCommitted(Admin admin, Map<TopicPartition, Long> target) throws Exception {
        long deadline = System.nanoTime() + PROCESSING_TIMEOUT.toNanos();
        Map<TopicPartition, Long> committed = Map.of();
        while (System.nanoTime() < deadline) {
            committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS)
                    .entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            if (committed.equals(target)) {
                break;
            }
            Thread.sleep(250);
        }
        return committed;
    }

    /** Every record up to {@code end}, partition by partition, without joining a group. */
    private List<ConsumerRecord<String, String>> readAll(Map<TopicPartition, Long> end) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            Set<TopicPartition> partitions = end.keySet();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + PROCESSING_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    private static String deadLetterReason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        assertThat(header).as("dead-letter-reason header of %s", record).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
