package dev.runnel.store;

import dev.runnel.store.core.FetchPurgatory;
import dev.runnel.store.core.Partition;
import dev.runnel.store.core.PartitionRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The store's Prometheus metrics ({@code /q/metrics}): replica count, parked fetches, applied metadata
 * version, request latency per API, and per-partition log end offset, high watermark and size (tags
 * topic/partition: bounded by the partitions this store holds; refreshed by {@link #refreshPartitions}).
 */
final class StoreMetrics {
    private final MeterRegistry meters;
    private final MultiGauge logEndOffset;
    private final MultiGauge highWatermark;
    private final MultiGauge sizeBytes;
    private final PartitionRegistry registry;

    StoreMetrics(MeterRegistry meters, PartitionRegistry registry, FetchPurgatory purgatory) {
        this.meters = meters;
        this.registry = registry;
        Gauge.builder("runnel.store.partitions", registry, r -> r.partitions().size())
                .description("Partition replicas held by this store").register(meters);
        Gauge.builder("runnel.store.parked.fetches", purgatory, FetchPurgatory::parkedCount)
                .description("Fetches waiting in the long-poll purgatory").register(meters);
        Gauge.builder("runnel.store.metadata.version", registry, PartitionRegistry::appliedMetadataVersion)
                .description("Version of the last applied cluster metadata").register(meters);
        logEndOffset = MultiGauge.builder("runnel.store.log.end.offset").register(meters);
        highWatermark = MultiGauge.builder("runnel.store.log.high.watermark").register(meters);
        sizeBytes = MultiGauge.builder("runnel.store.log.size").baseUnit("bytes").register(meters);
    }

    /** A latency timer for one API of the store's bus endpoints. */
    Timer requestTimer(String api) {
        return Timer.builder("runnel.store.request").tag("api", api).publishPercentileHistogram()
                .description("Time from receiving a store request to replying").register(meters);
    }

    /** Re-lists the per-partition gauges: replicas come and go with metadata. */
    void refreshPartitions() {
        List<Partition> partitions = List.copyOf(registry.partitions());
        logEndOffset.register(rows(partitions, p -> p.log().logEndOffset()), true);
        highWatermark.register(rows(partitions, p -> p.log().highWatermark()), true);
        sizeBytes.register(rows(partitions, p -> p.log().sizeInBytes()), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<Partition> partitions, ToDoubleFunction<Partition> value) {
        return partitions.stream()
                .<MultiGauge.Row<?>>map(p -> MultiGauge.Row.of(Tags.of("topic", p.topicPartition().topic(),
                        "partition", String.valueOf(p.topicPartition().partition())), p, value))
                .toList();
    }
}
