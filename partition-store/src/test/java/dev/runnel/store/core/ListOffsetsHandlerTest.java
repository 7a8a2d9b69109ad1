package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static dev.runnel.store.core.StoreFixture.BROKER;
import static dev.runnel.store.core.StoreFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;

class ListOffsetsHandlerTest {
    @TempDir
    Path dataDir;
    StoreFixture store;

    @BeforeEach
    void start() {
        store = new StoreFixture(dataDir);
        store.registry.applyMetadata(metadata(1, "orders", UUID.randomUUID(), BROKER, 2));
        store.produce("orders", 0, -1, TestBatches.batch(1000, "a", "b")); // offsets 0-1
        store.produce("orders", 0, -1, TestBatches.batch(5000, "c"));      // offset 2
        store.produce("orders", 0, -1, TestBatches.batch(3000, "d"));      // offset 3
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void answersEarliestAndLatest() {
        assertThat(lookUp(PartitionTimestamp.EARLIEST).offset()).isZero();
        PartitionOffset latest = lookUp(PartitionTimestamp.LATEST);
        assertThat(latest.offset()).isEqualTo(4);
        assertThat(latest.timestamp()).isEqualTo(-1);
        assertThat(latest.leaderEpoch()).isEqualTo(5);
    }

    @Test
    void answersTheRecordWithTheLargestTimestamp() {
        PartitionOffset max = lookUp(PartitionTimestamp.MAX_TIMESTAMP);

        assertThat(max.timestamp()).isEqualTo(5000);
        assertThat(max.offset()).isEqualTo(2);
    }

    @Test
    void answersTheFirstOffsetAtOrAfterATimestamp() {
        PartitionOffset found = lookUp(2000);
        PartitionOffset none = lookUp(9000);

        assertThat(found.offset()).isEqualTo(2);
        assertThat(found.timestamp()).isEqualTo(5000);
        assertThat(none.error()).isEqualTo(ErrorCode.NONE);
        assertThat(none.offset()).isEqualTo(-1);
        assertThat(none.timestamp()).isEqualTo(-1);
    }

    @Test
    void refusesPartitionsItDoesNotLead() {
        PartitionOffset elsewhere = store.listOffsets.handle(new ListOffsetsRequest(
                List.of(new PartitionTimestamp("orders", 1, PartitionTimestamp.LATEST)))).join().partitions().get(0);

        assertThat(elsewhere.error()).isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    private PartitionOffset lookUp(long timestamp) {
        return store.listOffsets.handle(new ListOffsetsRequest(List.of(new PartitionTimestamp("orders", 0, timestamp))))
                .join().partitions().get(0);
    }
}
