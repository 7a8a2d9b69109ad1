package dev.runnel.wire.http;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.MemoryRecordsBuilder;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.TimestampType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka record format for the HTTP API, so the gateway never touches kafka-clients' record classes.
 *
 * <p>{@link #encode} builds exactly one v2 record batch: no compression, CreateTime, base offset 0
 * (the store assigns real offsets in place), no producer id (-1, not idempotent), records with
 * UTF-8 keys/values/headers. {@link #decode} reads any sequence of v2 batches (any codec) back into
 * UTF-8 text. Buffers returned are heap memory owned by the caller; nothing needs releasing.
 * Stateless and thread-safe.
 */
public final class HttpRecords {
    private HttpRecords() {
    }

    /** One batch of {@code records}, records without a timestamp stamped with the system clock. */
    public static Buffer encode(List<JsonRecord> records) {
        return encode(records, Clock.systemUTC());
    }

    /**
     * @throws IllegalArgumentException when {@code records} is empty (Kafka has no empty batches)
     */
    public static Buffer encode(List<JsonRecord> records, Clock clock) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("A record batch needs at least one record");
        }
        long now = clock.millis();
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(estimate(records)), Compression.NONE,
                TimestampType.CREATE_TIME, 0L);
        for (JsonRecord r : records) {
            builder.append(r.timestamp().orElse(now), bytes(r.key()), bytes(r.value()), headers(r.headers()));
        }
        ByteBuffer batch = builder.build().buffer();
        return Buffer.buffer(Unpooled.wrappedBuffer(batch));
    }

    /** Every record of every batch in {@code batches}, in offset order. */
    public static List<DecodedRecord> decode(Buffer batches) {
        List<DecodedRecord> decoded = new ArrayList<>();
        if (batches.length() == 0) {
            return decoded;
        }
        MemoryRecords records = MemoryRecords.readableRecords(ByteBuffer.wrap(batches.getBytes()));
        for (Record r : records.records()) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            decoded.add(new DecodedRecord(r.offset(), r.timestamp(), text(r.hasKey() ? r.key() : null),
                    text(r.hasValue() ? r.value() : null), headers));
        }
        return decoded;
    }

    private static int estimate(List<JsonRecord> records) {
        // the builder grows its buffer when this is short; a close guess saves copies
        int size = 61;
        for (JsonRecord r : records) {
            size += 32 + length(r.key()) + length(r.value());
            for (Map.Entry<String, String> h : r.headers().entrySet()) {
                size += 10 + length(h.getKey()) + length(h.getValue());
            }
        }
        return size;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length() * 3;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ByteBuffer b) {
        if (b == null) {
            return null;
        }
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Header[] headers(Map<String, String> headers) {
        return headers.entrySet().stream()
                .map(e -> (Header) new RecordHeader(e.getKey(), bytes(e.getValue())))
                .toArray(Header[]::new);
    }
}
