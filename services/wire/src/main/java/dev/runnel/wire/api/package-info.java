/**
 * One {@link dev.runnel.wire.api.ApiHandler} per Kafka API, and the {@link dev.runnel.wire.api.ApiRegistry}
 * that maps API keys and version ranges to them and builds the ApiVersions answer from what is registered.
 * Handlers translate between kafka-clients' generated messages and Runnel's bus records and call the
 * {@link dev.runnel.wire.KafkaBackend}; they keep no state between requests and run on the connection's
 * event loop (see the {@code dev.runnel.wire} package contract). Adding an API: one handler class plus one
 * {@code register} call in {@link dev.runnel.wire.api.ApiRegistry#standard}, or on a registry passed to
 * {@link dev.runnel.wire.KafkaServer}.
 */
package dev.runnel.wire.api;
