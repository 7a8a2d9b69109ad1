package dev.runnel.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A default-configured (idempotent, acks=all) KafkaProducer writing records "seq-N" (key "key-N") without
 * pause on its own thread, about 1000 a second, remembering the partition and offset of every
 * acknowledgement, until closed.
 */
final class SequenceWriter implements AutoCloseable {
    /** What the producer was told about one record. */
    record Ack(int partition, long offset) {
    }

    final Map<Integer, Ack> acked = new ConcurrentHashMap<>();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String topic;
    private final Thread thread;
    private final KafkaProducer<String, String> producer;

    SequenceWriter(String bootstrap, String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        thread = new Thread(this::run, "sequence-writer");
        thread.start();
    }

    private void run() {
        int seq = 0;
        while (running.get()) {
            for (int i = 0; i < 50; i++, seq++) {
                int n = seq;
                producer.send(new ProducerRecord<>(topic, "key-" + n, "seq-" + n), (metadata, error) -> {
                    if (error == null) {
                        acked.put(n, new Ack(metadata.partition(), metadata.offset()));
                    } else {
                        failed.incrementAndGet();
                    }
                });
            }
            sent.set(seq);
            try {
                Thread.sleep(50); // mid-write at every fault, and light on a shared machine
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Waits until {@code more} further records are acknowledged (60 s at most). */
    void awaitMoreAcks(int more) throws InterruptedException {
        int target = acked.size() + more;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (acked.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Producing stalled at " + acked.size() + " acknowledged records (" + failed.get() + " failed)");
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
        producer.flush();
        producer.close();
    }
}
