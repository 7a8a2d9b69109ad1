package dev.runnel.wire.http;

import java.util.Map;

/**
 * A record read back for the HTTP API, its bytes decoded as UTF-8 text (binary payloads are not
 * base64-encoded: bytes that are not UTF-8 come out with replacement characters).
 *
 * @param key     null when the record has no key
 * @param value   null for a tombstone
 * @param headers header name to UTF-8 value (a null header value stays null); in record order
 */
public record DecodedRecord(long offset, long timestamp, String key, String value, Map<String, String> headers) {
}
