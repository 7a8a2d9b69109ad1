package dev.runnel.store;

import dev.runnel.store.core.FetchPurgatory;
import dev.runnel.store.core.Partition;
import dev.runnel.store.core.PartitionRegistry;
import dev.runnel.store.core.ReplicationHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The store's Prometheus metrics ({@code /q/metrics}): replica count, parked fetches, applied metadata
 * version, request latency per API, and per-partition log end offset, high watermark, size and segment
 * count (tags topic/partition: bounded by the partitions this store holds; refreshed by
 * {@link #refreshPartitions}); partitions led and under-replicated, ISR shrinks/expands, and the free and
 * total bytes of the data directory's file system (read at scrape time).
 */
final class StoreMetrics {
    private final MeterRegistry meters;
    private final MultiGauge logEndOffset;
    private final MultiGauge highWatermark;
    private final MultiGauge sizeBytes;
    private final MultiGauge segments;
    private final PartitionRegistry registry;
    private final Counter isrShrinks;
    private final Counter isrExpands;

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
        segments = MultiGauge.builder("runnel.store.log.segments")
                .description("Segment files of a partition's log").register(meters);
        Gauge.builder("runnel.store.partitions.led", registry, r -> ReplicationHealth.led(leaderships(r), r.brokerId()))
                .description("Partitions this store leads").register(meters);
        Gauge.builder("runnel.store.partitions.under.replicated", registry,
                        r -> ReplicationHealth.underReplicated(leaderships(r), r.brokerId()))
                .description("Partitions this store leads whose ISR is smaller than their replica set").register(meters);
        isrShrinks = Counter.builder("runnel.store.isr.shrinks")
                .description("Accepted ISR changes that removed a follower, on partitions led here").register(meters);
        isrExpands = Counter.builder("runnel.store.isr.expands")
                .description("Accepted ISR changes that added a follower, on partitions led here").register(meters);
        Gauge.builder("runnel.store.disk.free", registry, r -> diskSpace(r, FileStore::getUsableSpace)).baseUnit("bytes")
                .description("Usable bytes on the file system holding the store's data directory").register(meters);
        Gauge.builder("runnel.store.disk.total", registry, r -> diskSpace(r, FileStore::getTotalSpace)).baseUnit("bytes")
                .description("Size of the file system holding the store's data directory").register(meters);
    }

    /** Counts an ISR change the controller accepted, from the ISR it replaced. */
    void isrChanged(List<Integer> before, List<Integer> after) {
        switch (ReplicationHealth.classify(before, after)) {
            case SHRINK -> isrShrinks.increment();
            case EXPAND -> isrExpands.increment();
            case NONE -> {
            }
        }
    }

    private static List<dev.runnel.store.core.Leadership> leaderships(PartitionRegistry registry) {
        return registry.partitions().stream().map(Partition::leadership).toList();
    }

    private interface SpaceQuery {
        long bytes(FileStore store) throws IOException;
    }

    /** NaN when the directory cannot be asked (Prometheus shows no value rather than a wrong one). */
    private static double diskSpace(PartitionRegistry registry, SpaceQuery query) {
        try {
            return query.bytes(Files.getFileStore(registry.dataDir()));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
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
        segments.register(rows(partitions, p -> p.log().segmentCount()), true);
    }

    private static List<MultiGauge.Row<?>> rows(List<Partition> partitions, ToDoubleFunction<Partition> value) {
        return partitions.stream()
                .<MultiGauge.Row<?>>map(p -> MultiGauge.Row.of(Tags.of("topic", p.topicPartition().topic(),
                        "partition", String.valueOf(p.topicPartition().partition())), p, value))
                .toList();
    }
}
