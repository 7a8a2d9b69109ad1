package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionFetchResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.runnel.store.core.StoreFixture.BROKER;
import static dev.runnel.store.core.StoreFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;

class FetchHandlerTest {
    private static final int WAIT_BOUND_SECONDS = 30;

    @TempDir
    Path dataDir;
    StoreFixture store;

    @BeforeEach
    void start() {
        store = new StoreFixture(dataDir);
        store.registry.applyMetadata(metadata(1, "orders", UUID.randomUUID(), BROKER, BROKER));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void returnsTheStoredBatchesWithTheirAssignedOffsets() {
        store.produce("orders", 0, -1, TestBatches.batch(1000, "a", "b"));
        store.produce("orders", 0, -1, TestBatches.batch(2000, "c"));

        PartitionFetchResult result = single(store.fetch.handle(request(0, 1, 0, 1 << 20)).join());

        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
        assertThat(result.highWatermark()).isEqualTo(3);
        ByteBuffer records = result.records().getByteBuf().nioBuffer();
        List<RecordBatches.BatchHeader> batches = RecordBatches.headers(records);
        assertThat(batches).extracting(RecordBatches.BatchHeader::baseOffset).containsExactly(0L, 2L);
        assertThat(batches).extracting(RecordBatches.BatchHeader::lastOffset).containsExactly(1L, 2L);
    }

    @Test
    void aLongPollWakesWhenRecordsAreAppended() throws Exception {
        CompletableFuture<FetchResponse> parked = store.fetch.handle(request(0, 1, 60_000, 1 << 20));
        awaitParked();
        assertThat(parked).isNotDone();

        store.produce("orders", 0, -1, TestBatches.batch(1000, "wake"));

        PartitionFetchResult result = single(parked.get(WAIT_BOUND_SECONDS, TimeUnit.SECONDS));
        assertThat(result.records().length()).isPositive();
        assertThat(result.highWatermark()).isEqualTo(1);
        assertThat(store.purgatory.parkedCount()).isZero();
    }

    @Test
    void aLongPollAnswersEmptyWhenItsWaitExpires() throws Exception {
        CompletableFuture<FetchResponse> parked = store.fetch.handle(request(0, 1, 200, 1 << 20));

        PartitionFetchResult result = single(parked.get(WAIT_BOUND_SECONDS, TimeUnit.SECONDS));

        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
        assertThat(result.records().length()).isZero();
        assertThat(store.purgatory.parkedCount()).isZero();
    }

    @Test
    void reportsAnOffsetBeyondTheLogEnd() {
        store.produce("orders", 0, -1, TestBatches.batch(1000, "a"));

        PartitionFetchResult result = single(store.fetch.handle(request(50, 1, 0, 1 << 20)).join());

        assertThat(result.error()).isEqualTo(ErrorCode.OFFSET_OUT_OF_RANGE);
        assertThat(result.records().length()).isZero();
    }

    @Test
    void honoursTheRequestsTotalMaxBytesWithWholeBatches() {
        store.produce("orders", 0, -1, TestBatches.batch(1000, "first"));
        store.produce("orders", 1, -1, TestBatches.batch(1000, "second"));
        int oneBatch = TestBatches.batch(1000, "first").length;

        FetchResponse response = store.fetch.handle(new FetchRequest(0, 1, oneBatch + 10, List.of(
                new PartitionFetch("orders", 0, 0, 1 << 20, -1),
                new PartitionFetch("orders", 1, 0, 1 << 20, -1)))).join();

        assertThat(response.partitions().get(0).records().length()).isEqualTo(oneBatch);
        assertThat(response.partitions().get(1).records().length()).isZero();
        assertThat(response.partitions().get(1).highWatermark()).isEqualTo(1);
    }

    @Test
    void returnsAtLeastOneBatchEvenWhenItIsLargerThanMaxBytes() {
        store.produce("orders", 0, -1, TestBatches.batch(1000, "a fairly long value that exceeds ten bytes"));

        PartitionFetchResult result = single(store.fetch.handle(new FetchRequest(0, 1, 10,
                List.of(new PartitionFetch("orders", 0, 0, 10, -1)))).join());

        assertThat(RecordBatches.headers(result.records().getByteBuf().nioBuffer())).hasSize(1);
    }

    @Test
    void refusesAFetchForAPartitionLedElsewhereOrAtAnotherEpoch() {
        assertThat(single(store.fetch.handle(new FetchRequest(0, 1, 1000,
                List.of(new PartitionFetch("orders", 0, 0, 1000, 4)))).join()).error()).isEqualTo(ErrorCode.FENCED_LEADER_EPOCH);
        assertThat(single(store.fetch.handle(new FetchRequest(0, 1, 1000,
                List.of(new PartitionFetch("other", 0, 0, 1000, -1)))).join()).error()).isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    private void awaitParked() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_BOUND_SECONDS);
        while (store.purgatory.parkedCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.purgatory.parkedCount()).isEqualTo(1);
    }

    private static FetchRequest request(long offset, int minBytes, int maxWaitMs, int maxBytes) {
        return new FetchRequest(maxWaitMs, minBytes, maxBytes, List.of(new PartitionFetch("orders", 0, offset, maxBytes, -1)));
    }

    private static PartitionFetchResult single(FetchResponse response) {
        assertThat(response.partitions()).hasSize(1);
        return response.partitions().get(0);
    }
}
