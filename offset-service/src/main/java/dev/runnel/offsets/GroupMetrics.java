package dev.runnel.offsets;

import dev.runnel.offsets.core.GroupLagSnapshot;
import dev.runnel.offsets.core.GroupOffsetLag;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The offset-service's Prometheus metrics ({@code /q/metrics}): committed offset and lag per
 * group/topic/partition and members per group, from the last lag sample (tags are bounded by the groups
 * and partitions that have commits). The rows are re-listed every second, so a deleted group's series
 * disappear; a partition whose end is unknown has a committed offset but no lag series.
 */
@ApplicationScoped
public class GroupMetrics {
    private static final long REFRESH_MS = 1_000;

    @Inject
    MeterRegistry meters;
    @Inject
    OffsetServiceLifecycle lifecycle;
    @Inject
    Vertx vertx;

    private MultiGauge committed;
    private MultiGauge lag;
    private MultiGauge members;
    private long timer = -1;
    private volatile Optional<Instant> sampledAt = Optional.empty();

    void start(@Observes StartupEvent event) {
        committed = MultiGauge.builder("runnel.group.committed.offset")
                .description("The group's committed offset (the next record it will read)").register(meters);
        lag = MultiGauge.builder("runnel.group.lag")
                .description("Records between the group's committed offset and the partition's high watermark")
                .register(meters);
        members = MultiGauge.builder("runnel.group.members").description("Members of the group").register(meters);
        Gauge.builder("runnel.group.lag.sample.age", this,
                        m -> m.sampledAt.map(t -> (System.currentTimeMillis() - t.toEpochMilli()) / 1000.0).orElse(Double.NaN))
                .baseUnit("seconds").description("Age of the consumer-lag sample the group gauges show").register(meters);
        timer = vertx.setPeriodic(REFRESH_MS, id -> lifecycle.groupLag().ifPresent(this::show));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void show(GroupLagSnapshot snapshot) {
        committed.register(snapshot.offsets().stream()
                .<MultiGauge.Row<?>>map(o -> MultiGauge.Row.of(tags(o), o.committedOffset())).toList(), true);
        lag.register(snapshot.offsets().stream().filter(o -> o.lag().isPresent())
                .<MultiGauge.Row<?>>map(o -> MultiGauge.Row.of(tags(o), o.lag().getAsLong())).toList(), true);
        List<MultiGauge.Row<?>> memberRows = snapshot.members().entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("group", e.getKey()), e.getValue())).toList();
        members.register(memberRows, true);
        sampledAt = Optional.of(snapshot.takenAt());
    }

    private static Tags tags(GroupOffsetLag o) {
        return Tags.of("group", o.group(), "topic", o.topic(), "partition", String.valueOf(o.partition()));
    }
}
