package dev.runnel.gateway;

import dev.runnel.gateway.core.BusAddressKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(registry);

    @Test
    void countsTrafficPerTopic() {
        metrics.produced("a", 100, 3);
        metrics.produced("a", 50, 1);
        metrics.produced("b", 10, 1);
        metrics.fetched("a", 70, 2);
        assertThat(registry.get("runnel.gateway.bytes.in").tag("topic", "a").counter().count()).isEqualTo(150);
        assertThat(registry.get("runnel.gateway.records.in").tag("topic", "a").counter().count()).isEqualTo(4);
        assertThat(registry.get("runnel.gateway.records.in").tag("topic", "b").counter().count()).isEqualTo(1);
        assertThat(registry.get("runnel.gateway.bytes.out").tag("topic", "a").counter().count()).isEqualTo(70);
        assertThat(registry.get("runnel.gateway.records.out").tag("topic", "a").counter().count()).isEqualTo(2);
    }

    @Test
    void timesRequestsPerApiAndCountsErrorsFromTheFirstRequest() {
        metrics.requestCompleted("Produce", (short) 11, TimeUnit.MILLISECONDS.toNanos(4), false);
        assertThat(registry.get("runnel.gateway.request.errors").tag("api", "Produce").counter().count()).isZero();
        metrics.requestCompleted("Produce", (short) 11, TimeUnit.MILLISECONDS.toNanos(6), true);
        assertThat(registry.get("runnel.gateway.request").tag("api", "Produce").timer().count()).isEqualTo(2);
        assertThat(registry.get("runnel.gateway.request").tag("api", "Produce").timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(10.0);
        assertThat(registry.get("runnel.gateway.request.errors").tag("api", "Produce").counter().count()).isEqualTo(1);
    }

    @Test
    void producesByAcksConnectionsAndBusKinds() {
        metrics.produceCompleted((short) -1, 1_000);
        metrics.produceCompleted((short) 0, 1_000);
        metrics.produceCompleted((short) -1, 1_000);
        assertThat(registry.get("runnel.gateway.produce").tag("acks", "-1").timer().count()).isEqualTo(2);
        assertThat(registry.get("runnel.gateway.produce").tag("acks", "0").timer().count()).isEqualTo(1);

        metrics.connectionOpened();
        metrics.connectionOpened();
        metrics.connectionClosed();
        assertThat(registry.get("runnel.gateway.connections").gauge().value()).isEqualTo(1);

        metrics.completed(BusAddressKind.LIST_OFFSETS, 1_000, false);
        assertThat(registry.get("runnel.bus.request").tag("address_kind", "list-offsets").tag("outcome", "failure")
                .timer().count()).isEqualTo(1);
    }
}
