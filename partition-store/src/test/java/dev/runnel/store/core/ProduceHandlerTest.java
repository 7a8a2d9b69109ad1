package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static dev.runnel.store.core.StoreFixture.BROKER;
import static dev.runnel.store.core.StoreFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;

class ProduceHandlerTest {
    @TempDir
    Path dataDir;
    StoreFixture store;

    @BeforeEach
    void start() {
        store = new StoreFixture(dataDir);
        // partition 0 led here, partition 1 led by broker 2 (replica elsewhere), epoch 5
        store.registry.applyMetadata(metadata(1, "orders", UUID.randomUUID(), BROKER, 2));
    }

    @AfterEach
    void stop() throws Exception {
        store.close();
    }

    @Test
    void assignsOffsetsAndAdvancesTheHighWatermark() {
        PartitionProduceResult first = single(store.produce("orders", 0, 5, TestBatches.batch(1000, "a", "b", "c")));
        PartitionProduceResult second = single(store.produce("orders", 0, -1, TestBatches.batch(1000, "d")));

        assertThat(first.error()).isEqualTo(ErrorCode.NONE);
        assertThat(first.baseOffset()).isZero();
        assertThat(second.baseOffset()).isEqualTo(3);
        assertThat(second.logAppendTime()).isEqualTo(-1);
        assertThat(store.registry.partition("orders", 0).orElseThrow().log().highWatermark()).isEqualTo(4);
    }

    @Test
    void refusesPartitionsItDoesNotLeadOrKnow() {
        assertThat(single(store.produce("orders", 1, -1, TestBatches.batch(1000, "a"))).error())
                .isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION); // no replica here at all
        UUID id = store.registry.partition("orders", 0).orElseThrow().topicId().orElseThrow();
        store.registry.applyMetadata(StoreFixture.ledBy(2, "orders", id, 2, 6, List.of(2, BROKER)));

        assertThat(single(store.produce("orders", 0, -1, TestBatches.batch(1000, "a"))).error())
                .isEqualTo(ErrorCode.NOT_LEADER_OR_FOLLOWER);
        assertThat(single(store.produce("nope", 0, -1, TestBatches.batch(1000, "a"))).error())
                .isEqualTo(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void checksTheSendersLeaderEpoch() {
        assertThat(single(store.produce("orders", 0, 4, TestBatches.batch(1000, "a"))).error()).isEqualTo(ErrorCode.FENCED_LEADER_EPOCH);
        assertThat(single(store.produce("orders", 0, 6, TestBatches.batch(1000, "a"))).error()).isEqualTo(ErrorCode.UNKNOWN_LEADER_EPOCH);
        assertThat(single(store.produce("orders", 0, 5, TestBatches.batch(1000, "a"))).error()).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void reportsACorruptBatch() {
        byte[] batch = TestBatches.batch(1000, "a");
        batch[batch.length - 2] ^= 0x55;

        PartitionProduceResult result = single(store.produce("orders", 0, -1, batch));

        assertThat(result.error()).isEqualTo(ErrorCode.CORRUPT_MESSAGE);
        assertThat(result.errorMessage()).isNotBlank();
        assertThat(store.registry.partition("orders", 0).orElseThrow().log().logEndOffset()).isZero();
    }

    @Test
    void copiesAReadOnlyBufferBeforeTheLogWritesOffsetsIntoIt() {
        byte[] batch = TestBatches.batch(1000, "a");
        Buffer readOnly = Buffer.buffer(Unpooled.wrappedBuffer(ByteBuffer.wrap(batch).asReadOnlyBuffer()));
        Buffer writable = Buffer.buffer(batch);

        assertThat(ProduceHandler.ownedBuffer(readOnly).isReadOnly()).isFalse();
        assertThat(ProduceHandler.ownedBuffer(writable).isReadOnly()).isFalse();
        store.produce("orders", 0, -1, TestBatches.batch(1000, "x"));
        PartitionProduceResult result = single(store.produce.handle(new ProduceRequest((short) -1, 1000,
                List.of(new PartitionRecords("orders", 0, -1, readOnly)))).join());
        assertThat(result.error()).isEqualTo(ErrorCode.NONE);
        assertThat(result.baseOffset()).isEqualTo(1);
    }

    @Test
    void keepsPerPartitionOrderUnderConcurrentRequests() {
        List<CompletableFuture<ProduceResponse>> inFlight = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inFlight.add(store.produce.handle(new ProduceRequest((short) 1, 1000,
                    List.of(new PartitionRecords("orders", 0, -1, Buffer.buffer(TestBatches.batch(1000, "v" + i, "w" + i)))))));
        }

        List<Long> baseOffsets = inFlight.stream().map(f -> single(f.join()).baseOffset()).toList();

        // submitted in order on one partition: appended in that order, two offsets each
        assertThat(baseOffsets).containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> 2L * i).toList());
    }

    @Test
    void answersAcksZeroAndRefusesUnknownAcks() {
        ProduceResponse acksZero = store.produce.handle(new ProduceRequest((short) 0, 1000,
                List.of(new PartitionRecords("orders", 0, -1, Buffer.buffer(TestBatches.batch(1000, "a")))))).join();
        ProduceResponse badAcks = store.produce.handle(new ProduceRequest((short) 2, 1000,
                List.of(new PartitionRecords("orders", 0, -1, Buffer.buffer(TestBatches.batch(1000, "a")))))).join();

        assertThat(single(acksZero).error()).isEqualTo(ErrorCode.NONE);
        assertThat(single(badAcks).error()).isEqualTo(ErrorCode.INVALID_REQUIRED_ACKS);
    }

    @Test
    void answersAnIdempotentRetryWithTheOriginalOffsetAndRefusesASequenceGap() {
        store.produce("orders", 0, -1, TestBatches.batch(1000, "before"));
        byte[] first = TestBatches.batch(7L, (short) 0, 0, 1000, "a", "b");

        PartitionProduceResult original = single(store.produce("orders", 0, -1, first));
        PartitionProduceResult retry = single(store.produce("orders", 0, -1, TestBatches.batch(7L, (short) 0, 0, 1000, "a", "b")));
        PartitionProduceResult gap = single(store.produce("orders", 0, -1, TestBatches.batch(7L, (short) 0, 5, 1000, "z")));

        assertThat(original.baseOffset()).isEqualTo(1);
        assertThat(retry.error()).isEqualTo(ErrorCode.NONE);
        assertThat(retry.baseOffset()).isEqualTo(1);
        assertThat(gap.error()).isEqualTo(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
        assertThat(store.registry.partition("orders", 0).orElseThrow().log().logEndOffset()).isEqualTo(3);
    }

    @Test
    void refusesABatchLargerThanMaxMessageBytesAndStampsLogAppendTime() {
        UUID id = store.registry.partition("orders", 0).orElseThrow().topicId().orElseThrow();
        store.registry.applyMetadata(StoreFixture.metadata(2,
                java.util.Map.of("max.message.bytes", "100", "message.timestamp.type", "LogAppendTime"), "orders", id, BROKER));

        PartitionProduceResult tooLarge = single(store.produce("orders", 0, -1, TestBatches.batch(1000, "x".repeat(200))));
        PartitionProduceResult stamped = single(store.produce("orders", 0, -1, TestBatches.batch(1000, "small")));

        assertThat(tooLarge.error()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);
        assertThat(stamped.error()).isEqualTo(ErrorCode.NONE);
        assertThat(stamped.logAppendTime()).isGreaterThan(1000);
    }

    private static PartitionProduceResult single(ProduceResponse response) {
        assertThat(response.partitions()).hasSize(1);
        return response.partitions().get(0);
    }
}
