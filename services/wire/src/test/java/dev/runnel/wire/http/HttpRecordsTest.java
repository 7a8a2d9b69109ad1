package dev.runnel.wire.http;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MutableRecordBatch;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.record.SimpleRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpRecordsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @Test
    void encodesOneV2BatchAndDecodesItBack() {
        Buffer batch = HttpRecords.encode(List.of(
                new JsonRecord("k1", "héllo", Map.of("h", "v"), OptionalLong.of(42L)),
                new JsonRecord(null, null, Map.of(), OptionalLong.empty())), CLOCK);

        List<MutableRecordBatch> batches = new java.util.ArrayList<>();
        MemoryRecords.readableRecords(ByteBuffer.wrap(batch.getBytes())).batches().forEach(batches::add);
        assertThat(batches).singleElement().satisfies(b -> {
            assertThat(b.magic()).isEqualTo(RecordBatch.MAGIC_VALUE_V2);
            assertThat(b.producerId()).isEqualTo(-1L);
            assertThat(b.compressionType().name).isEqualTo("none");
            assertThat(b.isValid()).isTrue();
        });

        List<DecodedRecord> decoded = HttpRecords.decode(batch);
        assertThat(decoded).containsExactly(
                new DecodedRecord(0, 42L, "k1", "héllo", Map.of("h", "v")),
                new DecodedRecord(1, 1_700_000_000_000L, null, null, Map.of()));
    }

    @Test
    void decodesCompressedBatchesWithTheirStoredOffsets() {
        MemoryRecords gzip = MemoryRecords.withRecords(100L, Compression.gzip().build(),
                new SimpleRecord(5L, "a".getBytes(), "1".getBytes()), new SimpleRecord(6L, "b".getBytes(), "2".getBytes()));
        List<DecodedRecord> decoded = HttpRecords.decode(Buffer.buffer(Unpooled.wrappedBuffer(gzip.buffer())));
        assertThat(decoded).extracting(DecodedRecord::offset).containsExactly(100L, 101L);
        assertThat(decoded).extracting(DecodedRecord::value).containsExactly("1", "2");
        assertThat(HttpRecords.decode(Buffer.buffer())).isEmpty();
    }

    @Test
    void refusesAnEmptyBatch() {
        assertThatThrownBy(() -> HttpRecords.encode(List.of(), CLOCK)).isInstanceOf(IllegalArgumentException.class);
    }
}
