/**
 * The partition store's core, plain Java (no Quarkus): the replicas this store holds
 * ({@link dev.runnel.store.core.PartitionRegistry}), the handlers for produce, fetch, list-offsets and
 * replica-fetch, and replication: the leader's side ({@link dev.runnel.store.core.LeaderReplication}) and the
 * follower's ({@link dev.runnel.store.core.ReplicaFetcher}). See docs/replication.md.
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
 * with what it found. Followers' replica fetches wait there the same way (for appends rather than the high
 * watermark). An acks=all produce waits in the {@link dev.runnel.store.core.ProducePurgatory} at most its
 * {@code timeoutMs} for the high watermark (REQUEST_TIMED_OUT after); it holds no thread while it waits.
 * Each follower runs one replica-fetch request at a time per leading store ({@link
 * dev.runnel.store.core.ReplicaFetcher}), so replication is bounded by the leaders' fetch purgatory. Work queues are
 * unbounded: the senders' request timeouts and the Kafka clients' in-flight limits bound them in
 * practice. Every request gets a reply, acks=0 included (the gateway ignores it).
 */
package dev.runnel.store.core;
