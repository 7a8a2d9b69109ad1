package dev.runnel.gateway;

import dev.runnel.gateway.core.BusAddressKind;
import dev.runnel.gateway.core.BusRequestObserver;
import dev.runnel.gateway.core.TrafficObserver;
import dev.runnel.wire.WireObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's Prometheus metrics ({@code /q/metrics}), fed by the Kafka listener ({@link WireObserver}),
 * the metered backend ({@link TrafficObserver}) and the bus backends ({@link BusRequestObserver}).
 *
 * <p>Labels are bounded: topic (what the cluster holds), Kafka API name, acks (0, 1, -1), address kind.
 * Per-topic counters are looked up in Micrometer's own registry (keyed by name and tags) on each call.
 */
final class GatewayMetrics implements WireObserver, TrafficObserver, BusRequestObserver {
    private final MeterRegistry meters;
    private final AtomicInteger connections = new AtomicInteger();
    // hot path: one map read per request instead of a meter-registry lookup
    private final Map<String, ApiMeters> perApi = new ConcurrentHashMap<>();
    private final Map<Short, Timer> perAcks = new ConcurrentHashMap<>();

    private record ApiMeters(Timer latency, Counter errors) {
    }

    GatewayMetrics(MeterRegistry meters) {
        this.meters = meters;
        Gauge.builder("runnel.gateway.connections", connections, AtomicInteger::get)
                .description("Open Kafka client connections").register(meters);
    }

    @Override
    public void connectionOpened() {
        connections.incrementAndGet();
    }

    @Override
    public void connectionClosed() {
        connections.decrementAndGet();
    }

    @Override
    public void requestCompleted(String api, short version, long latencyNanos, boolean failed) {
        ApiMeters m = perApi.computeIfAbsent(api, this::apiMeters);
        m.latency().record(latencyNanos, TimeUnit.NANOSECONDS);
        if (failed) {
            m.errors().increment();
        }
    }

    @Override
    public void produceCompleted(short acks, long latencyNanos) {
        perAcks.computeIfAbsent(acks, a -> Timer.builder("runnel.gateway.produce").tag("acks", String.valueOf(a))
                        .publishPercentileHistogram()
                        .description("Produce requests by acks: time until the answer is ready").register(meters))
                .record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    /** Both meters of an API, registered together so the error series exists (at 0) before any error. */
    private ApiMeters apiMeters(String api) {
        return new ApiMeters(
                Timer.builder("runnel.gateway.request").tag("api", api).publishPercentileHistogram()
                        .description("Kafka requests: time from reading the request to its answer being ready")
                        .register(meters),
                Counter.builder("runnel.gateway.request.errors").tag("api", api)
                        .description("Kafka requests whose backend failed or timed out").register(meters));
    }

    @Override
    public void produced(String topic, long bytes, long records) {
        Counter.builder("runnel.gateway.bytes.in").tag("topic", topic)
                .description("Record-batch bytes appended, as produced by clients").register(meters).increment(bytes);
        Counter.builder("runnel.gateway.records.in").tag("topic", topic)
                .description("Records appended").register(meters).increment(records);
    }

    @Override
    public void fetched(String topic, long bytes, long records) {
        Counter.builder("runnel.gateway.bytes.out").tag("topic", topic)
                .description("Record-batch bytes handed to consumers").register(meters).increment(bytes);
        Counter.builder("runnel.gateway.records.out").tag("topic", topic)
                .description("Records handed to consumers").register(meters).increment(records);
    }

    @Override
    public void completed(BusAddressKind kind, long latencyNanos, boolean succeeded) {
        Timer.builder("runnel.bus.request").tag("address_kind", kind.label()).tag("outcome", succeeded ? "success" : "failure")
                .publishPercentileHistogram()
                .description("Event-bus requests from the gateway: time to the reply")
                .register(meters).record(latencyNanos, TimeUnit.NANOSECONDS);
    }
}
