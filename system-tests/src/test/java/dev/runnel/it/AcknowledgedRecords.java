package dev.runnel.it;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads back what a {@link SequenceWriter} wrote and checks it against what the producer was told. */
final class AcknowledgedRecords {
    private AcknowledgedRecords() {
    }

    /** Every record of the topic, per partition, read from the beginning to the end offsets. */
    static Map<Integer, List<ConsumerRecord<String, String>>> readAll(String bootstrap, String topic, int partitionCount) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<Integer, List<ConsumerRecord<String, String>>> seen = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < partitionCount; p++) {
                partitions.add(new TopicPartition(topic, p));
                seen.put(p, new ArrayList<>());
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    seen.get(r.partition()).add(r);
                }
            }
            for (TopicPartition tp : partitions) {
                assertThat(consumer.position(tp)).as("read %s to its end", tp).isEqualTo(end.get(tp));
            }
        }
        return seen;
    }

    /** Every acknowledged record is at the offset it was acknowledged with, and nowhere else. */
    static void checkEachReadOnceWhereAcknowledged(Map<Integer, SequenceWriter.Ack> acked, Map<Integer, List<ConsumerRecord<String, String>>> log) {
        Map<String, Integer> occurrences = new HashMap<>();
        Map<Integer, Map<Long, String>> byOffset = new HashMap<>();
        log.forEach((partition, records) -> {
            Map<Long, String> offsets = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                assertThat(offsets.put(r.offset(), r.value())).as("offset %d of partition %d read twice", r.offset(), partition).isNull();
                occurrences.merge(r.value(), 1, Integer::sum);
            }
            byOffset.put(partition, offsets);
        });
        List<String> lost = new ArrayList<>();
        acked.forEach((seq, ack) -> {
            String expected = "seq-" + seq;
            String found = byOffset.get(ack.partition()).get(ack.offset());
            if (!expected.equals(found)) {
                lost.add(expected + " acknowledged at " + ack + " but that offset holds " + found);
            }
        });
        assertThat(lost).as("acknowledged records not found where acknowledged").isEmpty();
        acked.keySet().forEach(seq -> assertThat(occurrences.get("seq-" + seq)).as("copies of seq-%d", seq).isEqualTo(1));
        System.out.printf("checked %d acknowledged records among %d records read%n", acked.size(),
                log.values().stream().mapToInt(List::size).sum());
    }

    /** The idempotent producer keeps each partition's records in send order: sequence numbers only grow, none twice. */
    static void checkOrderWithoutDuplicates(Map<Integer, List<ConsumerRecord<String, String>>> log) {
        Set<String> seen = new HashSet<>();
        log.forEach((partition, records) -> {
            int previous = -1;
            for (ConsumerRecord<String, String> r : records) {
                int seq = Integer.parseInt(r.value().substring("seq-".length()));
                assertThat(seq).as("partition %d offset %d", partition, r.offset()).isGreaterThan(previous);
                assertThat(seen.add(r.value())).as("%s appears once", r.value()).isTrue();
                previous = seq;
            }
        });
    }

}
