/**
 * The partition store's Quarkus shell: configuration ({@link dev.runnel.store.StoreConfig}), lifecycle
 * ({@link dev.runnel.store.PartitionStoreService}), event-bus consumers, metadata following and
 * heartbeats, and readiness. Start order: bus codecs, recovery of every partition on disk, consumers,
 * metadata and heartbeats, then ready ({@code /q/health/ready}). The threading, ordering and
 * backpressure contract is the core's: see {@link dev.runnel.store.core}.
 */
package dev.runnel.store;
