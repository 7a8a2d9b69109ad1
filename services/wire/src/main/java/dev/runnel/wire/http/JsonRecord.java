package dev.runnel.wire.http;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A record as the HTTP API receives it. Keys, values and header values are UTF-8 text (no base64).
 *
 * @param key       null for a record without a key (Kafka semantics: it is a real value, not "missing")
 * @param value     null for a tombstone
 * @param headers   header name to UTF-8 value; never null
 * @param timestamp CreateTime in ms since the epoch; empty for "now"
 */
public record JsonRecord(String key, String value, Map<String, String> headers, OptionalLong timestamp) {

    public JsonRecord {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public static JsonRecord of(String key, String value) {
        return new JsonRecord(key, value, Map.of(), OptionalLong.empty());
    }
}
