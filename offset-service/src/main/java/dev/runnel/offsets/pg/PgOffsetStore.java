package dev.runnel.offsets.pg;

import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.TopicPartitionRef;
import dev.runnel.offsets.core.OffsetStore;
import dev.runnel.pg.Migration;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@link OffsetStore} in PostgreSQL (schema: {@code db/offset-service/V1__committed_offsets.sql}) over
 * vertx-pg-client, {@code $n} parameters only. A commit is one transaction; its future succeeds only after
 * PostgreSQL has committed it (with the server's default {@code synchronous_commit=on}, flushed to its WAL).
 * Thread-safety: as the pool's; stateless otherwise.
 */
public final class PgOffsetStore implements OffsetStore {
    /** The component name in {@code schema_migrations}. */
    public static final String COMPONENT = "offset-service";
    /** The schema, oldest first. Append new versions; never edit a released one. */
    public static final List<Migration> MIGRATIONS = List.of(
            Migration.fromResource(1, "committed offsets", "db/offset-service/V1__committed_offsets.sql"));

    private static final String UPSERT = "INSERT INTO committed_offsets "
            + "(group_id, topic, partition, committed_offset, leader_epoch, metadata, commit_time) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (group_id, topic, partition) DO UPDATE SET "
            + "committed_offset = EXCLUDED.committed_offset, leader_epoch = EXCLUDED.leader_epoch, "
            + "metadata = EXCLUDED.metadata, commit_time = EXCLUDED.commit_time";

    private final Pool pool;

    public PgOffsetStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Void> commit(String groupId, List<OffsetToCommit> offsets, Instant commitTime) {
        OffsetDateTime time = OffsetDateTime.ofInstant(commitTime, ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>(offsets.size());
        for (OffsetToCommit o : offsets) {
            rows.add(Tuple.from(List.of(groupId, o.topic(), o.partition(), o.offset(), o.leaderEpoch(), o.metadata(), time)));
        }
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT).executeBatch(rows)).mapEmpty();
    }

    @Override
    public Future<List<CommittedOffset>> committed(String groupId) {
        return pool.preparedQuery("SELECT topic, partition, committed_offset, leader_epoch, metadata, commit_time "
                        + "FROM committed_offsets WHERE group_id = $1 ORDER BY topic, partition")
                .execute(Tuple.of(groupId))
                .map(rows -> {
                    List<CommittedOffset> offsets = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        offsets.add(new CommittedOffset(row.getString("topic"), row.getInteger("partition"),
                                row.getLong("committed_offset"), row.getInteger("leader_epoch"), row.getString("metadata"),
                                row.getOffsetDateTime("commit_time").toInstant().toEpochMilli()));
                    }
                    return offsets;
                });
    }

    @Override
    public Future<Set<String>> groupsWithOffsets() {
        return pool.query("SELECT DISTINCT group_id FROM committed_offsets").execute()
                .map(rows -> {
                    Set<String> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.getString("group_id")));
                    return ids;
                });
    }

    @Override
    public Future<Void> delete(String groupId, List<TopicPartitionRef> partitions) {
        List<Tuple> rows = partitions.stream().map(p -> Tuple.of(groupId, p.topic(), p.partition())).toList();
        return pool.withTransaction(connection -> connection
                .preparedQuery("DELETE FROM committed_offsets WHERE group_id = $1 AND topic = $2 AND partition = $3")
                .executeBatch(rows)).mapEmpty();
    }

    @Override
    public Future<Integer> deleteGroup(String groupId) {
        return pool.preparedQuery("DELETE FROM committed_offsets WHERE group_id = $1").execute(Tuple.of(groupId))
                .map(rows -> rows.rowCount());
    }

    /** A trivial round trip: whether PostgreSQL answers at all (readiness). */
    public Future<Void> ping() {
        return pool.query("SELECT 1").execute().mapEmpty();
    }
}
