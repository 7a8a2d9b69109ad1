package dev.runnel.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The partition store's settings, {@code runnel.store.*}. */
@ConfigMapping(prefix = "runnel.store")
public interface StoreConfig {

    /** This store's broker id: its identity in metadata and in its event-bus addresses. Required. */
    int brokerId();

    /** Where partition folders live; default {@code ./data/store-<broker-id>}. */
    Optional<String> dataDir();

    /** Rack label reported to the replica-manager (rack-aware placement). */
    Optional<String> rack();

    /** How often retention runs, as Kafka's log.retention.check.interval.ms. */
    @WithDefault("300000")
    long retentionCheckIntervalMs();

    /** Threads for blocking log I/O (appends, reads, retention, metadata changes). */
    @WithDefault("8")
    int ioThreads();

    /** At most this many fetches wait in the long-poll purgatory at once. */
    @WithDefault("10000")
    int maxParkedFetches();

    /** host:port of this store's HTTP endpoint as reported in heartbeats; default 127.0.0.1:quarkus.http.port. */
    Optional<String> advertisedHttpAddress();

    /** A follower not caught up with the leader for this long leaves the ISR (Kafka's replica.lag.time.max.ms). */
    @WithDefault("30000")
    long replicaLagTimeMaxMs();

    /** How long a leader may hold a follower's fetch that finds nothing (replica.fetch.wait.max.ms). */
    @WithDefault("500")
    int replicaFetchWaitMaxMs();

    /** At most this many bytes per partition in one replica fetch (replica.fetch.max.bytes). */
    @WithDefault("1048576")
    int replicaFetchMaxBytes();

    /** At most this many bytes in one replica fetch response (replica.fetch.response.max.bytes). */
    @WithDefault("10485760")
    int replicaFetchResponseMaxBytes();

    /** Pause after a failed replica fetch (replica.fetch.backoff.ms). */
    @WithDefault("500")
    long replicaFetchBackoffMs();
}
