package dev.runnel.wire;

import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.runnel.wire.WireTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/** A real KafkaProducer against the listener: the observer hears each request, produce acks and the connection. */
class WireObserverTest {

    record Completed(String api, boolean failed) {
    }

    static final class Recording implements WireObserver {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final List<Completed> requests = new CopyOnWriteArrayList<>();
        final List<Short> produceAcks = new CopyOnWriteArrayList<>();

        @Override
        public void connectionOpened() {
            opened.incrementAndGet();
        }

        @Override
        public void connectionClosed() {
            closed.incrementAndGet();
        }

        @Override
        public void requestCompleted(String api, short version, long latencyNanos, boolean failed) {
            assertThat(latencyNanos).isNotNegative();
            requests.add(new Completed(api, failed));
        }

        @Override
        public void produceCompleted(short acks, long latencyNanos) {
            produceAcks.add(acks);
        }
    }

    @Test
    void reportsRequestsProduceAcksAndConnections() throws Exception {
        Vertx vertx = Vertx.vertx();
        InMemoryBackend backend = new InMemoryBackend(vertx);
        backend.createTopic("observed", 1);
        int port = WireTestSupport.freePort();
        WireSettings settings = WireSettings.defaults("observer-test").withListener("127.0.0.1", port);
        Recording observer = new Recording();
        KafkaServer server = new KafkaServer(vertx, backend, GroupBackend.unavailable(),
                new GatewayIdentity(WireTestSupport.NODE_ID, "127.0.0.1", port), settings, observer);
        await(server.start());
        try {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
            p.put(ProducerConfig.ACKS_CONFIG, "1");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("observed", "k", "v")).get(20, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>("observed", "k", "w")).get(20, TimeUnit.SECONDS);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (observer.closed.get() < observer.opened.get() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(observer.requests).contains(new Completed("ApiVersions", false), new Completed("Metadata", false));
            assertThat(observer.requests).filteredOn(r -> r.api().equals("Produce")).hasSize(2)
                    .allMatch(r -> !r.failed());
            assertThat(observer.produceAcks).containsExactly((short) 1, (short) 1);
            assertThat(observer.opened.get()).isPositive();
            assertThat(observer.closed.get()).isEqualTo(observer.opened.get());
        } finally {
            await(server.close());
            await(vertx.close());
        }
    }
}
