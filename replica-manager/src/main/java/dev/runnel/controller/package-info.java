/**
 * The replica-manager's Quarkus shell: configuration ({@code runnel.*}, {@code RUNNEL_PG_URL}), lifecycle,
 * event-bus consumers and readiness, over the plain-Java controller in {@code dev.runnel.controller.core}.
 *
 * <p>Contract on the bus ({@code dev.runnel.bus.Addresses}): one request at a time is decided per mutation
 * (creates, deletes, growth and config changes are queued in arrival order); metadata requests and store
 * heartbeats are answered from memory at once. Leader elections and ISR changes (store losses every second,
 * AlterPartition requests from leaders, preferred-leader elections) go through the same mutation queue.
 * {@code GET /metadata} serves the last published metadata as JSON. All handlers run on one event-loop context and never block;
 * PostgreSQL is reached through vertx-pg-client. Every change is published on
 * {@code Addresses.METADATA_UPDATES} with a larger version. Requesters set their own timeouts; a request
 * that fails unexpectedly is answered with a failure (code 500), never dropped.
 */
package dev.runnel.controller;
