/**
 * Kafka record format for the gateway's HTTP API: {@link dev.runnel.wire.http.HttpRecords} turns JSON-ish
 * records into one v2 batch and batches back into records, so the gateway never imports kafka-clients'
 * record classes. Text only (UTF-8); binary keys/values would need base64, which is not done.
 */
package dev.runnel.wire.http;
