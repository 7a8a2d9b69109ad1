package dev.runnel.wire;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AutoCreateTopicsTest {

    @Test
    void producerCreatesUnknownTopicWhenTheGatewayAllowsIt() throws Exception {
        try (WireTestSupport.Running running = WireTestSupport.start(s -> s.withAutoCreateTopics(true, 2, (short) 1))) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, running.bootstrap());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                RecordMetadata metadata = producer.send(new ProducerRecord<>("auto-topic", "k", "v")).get();
                assertThat(metadata.offset()).isZero();
                assertThat(producer.partitionsFor("auto-topic")).hasSize(2);
            }
        }
    }
}
