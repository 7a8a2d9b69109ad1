package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static dev.runnel.store.core.StoreFixture.BROKER;
import static dev.runnel.store.core.StoreFixture.empty;
import static dev.runnel.store.core.StoreFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;

class PartitionRegistryTest {
    private static final UUID ORDERS_ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    @TempDir
    Path dataDir;

    @Test
    void opensOnlyThePartitionsAssignedToThisBrokerAndRecordsTheTopicId() throws Exception {
        try (StoreFixture store = new StoreFixture(dataDir)) {
            MetadataChanges changes = store.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER, 2, BROKER));

            assertThat(changes.opened()).containsExactlyInAnyOrder(new TopicPartition("orders", 0), new TopicPartition("orders", 2));
            assertThat(dataDir.resolve("orders-0")).isDirectory();
            assertThat(dataDir.resolve("orders-1")).doesNotExist();
            assertThat(PartitionMetadataFile.read(dataDir.resolve("orders-2"))).contains(ORDERS_ID);
            assertThat(store.registry.partition("orders", 0).orElseThrow().leadership().leader()).isEqualTo(BROKER);
        }
    }

    @Test
    void ignoresMetadataNotNewerThanTheAppliedVersion() throws Exception {
        try (StoreFixture store = new StoreFixture(dataDir)) {
            store.registry.applyMetadata(metadata(7, "orders", ORDERS_ID, BROKER));

            MetadataChanges stale = store.registry.applyMetadata(empty(6));

            assertThat(stale.applied()).isFalse();
            assertThat(store.registry.appliedMetadataVersion()).isEqualTo(7);
            assertThat(store.registry.partition("orders", 0)).isPresent();
            assertThat(dataDir.resolve("orders-0")).isDirectory();
        }
    }

    @Test
    void deletesATopicThatDisappearsFromMetadata() throws Exception {
        try (StoreFixture store = new StoreFixture(dataDir)) {
            store.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));
            store.produce("orders", 0, -1, TestBatches.batch(1000, "a"));

            MetadataChanges changes = store.registry.applyMetadata(empty(2));

            assertThat(changes.deleted()).containsExactly(new TopicPartition("orders", 0));
            assertThat(dataDir.resolve("orders-0")).doesNotExist();
            assertThat(store.produce("orders", 0, -1, TestBatches.batch(1000, "b")).partitions().get(0).error())
                    .isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        }
    }

    @Test
    void keepsPartitionsFoundOnDiskUntilMetadataSaysTheTopicIsGone() throws Exception {
        try (StoreFixture first = new StoreFixture(dataDir)) {
            first.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));
            first.registry.applyMetadata(metadata(2, "gone", UUID.randomUUID(), BROKER));
        }
        // "gone" is on disk; "orders" was deleted by version 2. Restart: nothing is deleted before metadata.
        assertThat(dataDir.resolve("orders-0")).doesNotExist();
        Files.createDirectories(dataDir.resolve("orders-0"));
        try (StoreFixture restarted = new StoreFixture(dataDir)) {
            assertThat(restarted.registry.openExisting())
                    .containsExactlyInAnyOrder(new TopicPartition("gone", 0), new TopicPartition("orders", 0));
            assertThat(restarted.registry.hasAppliedMetadata()).isFalse();
            assertThat(restarted.registry.partition("gone", 0).orElseThrow().leadership()).isEqualTo(Leadership.UNKNOWN);
            assertThat(dataDir.resolve("gone-0")).isDirectory();

            MetadataChanges changes = restarted.registry.applyMetadata(metadata(3, "orders", ORDERS_ID, BROKER));

            assertThat(changes.deleted()).containsExactly(new TopicPartition("gone", 0));
            assertThat(dataDir.resolve("gone-0")).doesNotExist();
            // the folder without an id file is adopted, not deleted
            assertThat(PartitionMetadataFile.read(dataDir.resolve("orders-0"))).contains(ORDERS_ID);
        }
    }

    @Test
    void keepsTheDataOfATopicThatSurvivesARestart() throws Exception {
        try (StoreFixture first = new StoreFixture(dataDir)) {
            first.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));
            first.produce("orders", 0, -1, TestBatches.batch(1000, "a", "b"));
        }
        try (StoreFixture restarted = new StoreFixture(dataDir)) {
            restarted.registry.openExisting();
            restarted.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));

            assertThat(restarted.registry.partition("orders", 0).orElseThrow().log().logEndOffset()).isEqualTo(2);
            assertThat(restarted.produce("orders", 0, -1, TestBatches.batch(1000, "c")).partitions().get(0).baseOffset())
                    .isEqualTo(2);
        }
    }

    @Test
    void aSoleInSyncLeaderServesItsWholeLogAfterACrashLostTheHighWatermark() throws Exception {
        try (StoreFixture first = new StoreFixture(dataDir)) {
            first.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));
            first.produce("orders", 0, -1, TestBatches.batch(1000, "a", "b"));
        }
        // a SIGKILL leaves no up-to-date high-watermark checkpoint behind
        Files.delete(dataDir.resolve("orders-0/high-watermark-checkpoint"));
        try (StoreFixture restarted = new StoreFixture(dataDir)) {
            restarted.registry.openExisting();
            assertThat(restarted.registry.partition("orders", 0).orElseThrow().log().highWatermark()).isZero();

            restarted.registry.applyMetadata(metadata(2, "orders", ORDERS_ID, BROKER));

            assertThat(restarted.registry.partition("orders", 0).orElseThrow().log().highWatermark()).isEqualTo(2);
        }
    }

    @Test
    void deletesTheOldDataOfATopicRecreatedWithANewId() throws Exception {
        try (StoreFixture store = new StoreFixture(dataDir)) {
            store.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));
            store.produce("orders", 0, -1, TestBatches.batch(1000, "old", "data"));
            UUID newId = UUID.randomUUID();

            MetadataChanges changes = store.registry.applyMetadata(metadata(2, "orders", newId, BROKER));

            assertThat(changes.deleted()).containsExactly(new TopicPartition("orders", 0));
            assertThat(changes.opened()).containsExactly(new TopicPartition("orders", 0));
            Partition recreated = store.registry.partition("orders", 0).orElseThrow();
            assertThat(recreated.log().logEndOffset()).isZero();
            assertThat(PartitionMetadataFile.read(recreated.dir())).contains(newId);
        }
    }

    @Test
    void appliesLeadershipAndConfigChanges() throws Exception {
        try (StoreFixture store = new StoreFixture(dataDir)) {
            store.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));

            store.registry.applyMetadata(metadata(2, Map.of("message.timestamp.type", "LogAppendTime"), "orders", ORDERS_ID, BROKER));

            Partition p = store.registry.partition("orders", 0).orElseThrow();
            assertThat(p.usesLogAppendTime()).isTrue();
            assertThat(p.topicConfigs()).contains(Map.of("message.timestamp.type", "LogAppendTime"));
        }
    }

    @Test
    void retentionDeletesSegmentsBeyondRetentionBytes() throws Exception {
        try (StoreFixture store = new StoreFixture(dataDir)) {
            int batchSize = TestBatches.batch(1000, "v0").length;
            // one batch per segment; keep about two segments
            store.registry.applyMetadata(metadata(1, Map.of("segment.bytes", String.valueOf(batchSize),
                    "retention.bytes", String.valueOf(2 * batchSize)), "orders", ORDERS_ID, BROKER));
            for (int i = 0; i < 6; i++) {
                assertThat(store.produce("orders", 0, -1, TestBatches.batch(1000, "v" + i)).partitions().get(0).error())
                        .isEqualTo(ErrorCode.NONE);
            }
            Partition p = store.registry.partition("orders", 0).orElseThrow();
            int before = p.log().segmentCount();

            int deleted = store.registry.deleteExpiredSegments().join();

            assertThat(deleted).isPositive();
            assertThat(p.log().segmentCount()).isEqualTo(before - deleted);
            assertThat(p.log().logStartOffset()).isPositive();
        }
    }

    @Test
    void deletesAReplicaMovedToAnotherBroker() throws Exception {
        try (StoreFixture store = new StoreFixture(dataDir)) {
            store.registry.applyMetadata(metadata(1, "orders", ORDERS_ID, BROKER));

            MetadataChanges changes = store.registry.applyMetadata(metadata(2, "orders", ORDERS_ID, 2));

            assertThat(changes.deleted()).containsExactly(new TopicPartition("orders", 0));
            assertThat(dataDir.resolve("orders-0")).doesNotExist();
        }
    }
}
