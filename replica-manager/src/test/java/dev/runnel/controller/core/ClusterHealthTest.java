package dev.runnel.controller.core;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterHealthTest {

    private static ClusterMetadata metadata(PartitionInfo... partitions) {
        return new ClusterMetadata(7, "c", List.of(new StoreInfo(1, null, "h:1")),
                List.of(new TopicInfo("t", UUID.randomUUID(), Map.of(), List.of(partitions)),
                        new TopicInfo("empty", UUID.randomUUID(), Map.of(), List.of())));
    }

    @Test
    void countsOfflineAndUnderReplicatedApart() {
        ClusterMetadata m = metadata(
                new PartitionInfo(0, 1, 0, List.of(1, 2), List.of(1, 2)),
                new PartitionInfo(1, 1, 0, List.of(2, 1), List.of(1)),
                new PartitionInfo(2, -1, 4, List.of(2), List.of()),
                new PartitionInfo(3, 2, 0, List.of(2, 1), List.of(1, 2)));
        assertThat(ClusterHealth.offlinePartitions(m)).isEqualTo(1);
        // an offline partition is counted as offline, not also as under-replicated
        assertThat(ClusterHealth.underReplicatedPartitions(m)).isEqualTo(1);
        assertThat(ClusterHealth.partitionCount(m)).isEqualTo(4);
    }

    @Test
    void aHealthyClusterShowsZeros() {
        ClusterMetadata m = metadata(new PartitionInfo(0, 1, 0, List.of(1), List.of(1)));
        assertThat(ClusterHealth.offlinePartitions(m)).isZero();
        assertThat(ClusterHealth.underReplicatedPartitions(m)).isZero();
    }
}
