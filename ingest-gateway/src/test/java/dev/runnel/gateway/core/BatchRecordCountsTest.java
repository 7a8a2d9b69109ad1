package dev.runnel.gateway.core;

import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches built by kafka-clients' own encoder, as a producer sends them. */
class BatchRecordCountsTest {

    private static Buffer batch(int records, Compression compression) {
        SimpleRecord[] rs = IntStream.range(0, records)
                .mapToObj(i -> new SimpleRecord(("value-" + i).getBytes(StandardCharsets.UTF_8)))
                .toArray(SimpleRecord[]::new);
        ByteBuffer bytes = MemoryRecords.withRecords(compression, rs).buffer();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return Buffer.buffer(copy);
    }

    @Test
    void countsTheRecordsOfOneUncompressedBatch() {
        assertThat(BatchRecordCounts.count(batch(7, Compression.NONE))).isEqualTo(7);
    }

    @Test
    void readsCompressedBatchesWithoutDecompressing() {
        assertThat(BatchRecordCounts.count(batch(50, Compression.gzip().build()))).isEqualTo(50);
        assertThat(BatchRecordCounts.count(batch(3, Compression.lz4().build()))).isEqualTo(3);
    }

    @Test
    void sumsConsecutiveBatches() {
        Buffer three = Buffer.buffer().appendBuffer(batch(2, Compression.NONE))
                .appendBuffer(batch(5, Compression.NONE)).appendBuffer(batch(1, Compression.zstd().build()));
        assertThat(BatchRecordCounts.count(three)).isEqualTo(8);
    }

    @Test
    void ignoresATrailingPartialBatch() {
        Buffer whole = batch(4, Compression.NONE);
        Buffer partial = batch(9, Compression.NONE);
        Buffer fetched = Buffer.buffer().appendBuffer(whole).appendBuffer(partial.getBuffer(0, partial.length() - 3));
        assertThat(BatchRecordCounts.count(fetched)).isEqualTo(4);
        assertThat(BatchRecordCounts.count(whole.getBuffer(0, 20))).isZero();
    }

    @Test
    void countsNothingInAnEmptyBuffer() {
        assertThat(BatchRecordCounts.count(Buffer.buffer())).isZero();
    }
}
