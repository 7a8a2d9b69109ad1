/**
 * The partition store's core, plain Java (no Quarkus): the replicas this store holds
 * ({@link dev.runnel.store.core.PartitionRegistry}) and the handlers for produce, fetch and list-offsets.
 *
 * <h2>Ordering</h2>
 * Every write to a partition's log — append, retention, config change, close/delete — runs on that
 * partition's {@link dev.runnel.store.core.OrderedExecutor}: one at a time, in the order the event bus
 * delivered the requests, so batches of one partition are appended in arrival order. Different
 * partitions run in parallel. There is no ordering across partitions, nor between a fetch and an append
 * (a fetch sees every batch that was fully appended and is below the high watermark when it reads).
 * Metadata is applied one snapshot at a time, in arrival order; a snapshot not newer than the applied one
 * is ignored.
 *
 * <h2>Threads</h2>
 * The event-bus consumers run on an event loop and only dispatch: nothing in this package blocks an
 * event loop. Appends, retention and closes run on a shared I/O pool through the per-partition queues;
 * reads (fetch, list-offsets, long-poll re-checks and expiries) run on the same pool directly; applying
 * metadata (which opens and deletes logs) runs on one ordered metadata queue over that pool. A single
 * timer thread only schedules long-poll expiries and hands them to the pool. Replies are sent back on
 * the consumer's event-loop context.
 *
 * <h2>Timeouts and backpressure</h2>
 * A fetch that found fewer than minBytes waits at most its maxWaitMs in the
 * {@link dev.runnel.store.core.FetchPurgatory}; an append to one of its partitions re-checks it at once.
 * At most {@code runnel.store.max-parked-fetches} fetches wait; beyond that a fetch is answered at once
 * with what it found. Produce does not wait for replication yet: the high watermark follows the log end
 * when this store is the only in-sync replica, so {@code timeoutMs} is not used. Work queues are
 * unbounded: the senders' request timeouts and the Kafka clients' in-flight limits bound them in
 * practice. Every request gets a reply, acks=0 included (the gateway ignores it).
 */
package dev.runnel.store.core;
