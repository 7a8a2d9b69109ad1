package dev.runnel.controller.pg;

import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.controller.core.ControllerSession;
import dev.runnel.controller.core.MetadataStore;
import dev.runnel.controller.core.PartitionChange;
import dev.runnel.pg.Migration;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@link MetadataStore} in PostgreSQL (schema: {@code db/replica-manager/V*.sql}), over
 * vertx-pg-client with {@code $n} parameters only. Configs are a jsonb object of strings; replicas and
 * ISR are {@code integer[]}. Each method is one transaction (or one statement).
 */
public final class PgMetadataStore implements MetadataStore {
    /** The component name in {@code schema_migrations}. */
    public static final String COMPONENT = "replica-manager";
    /** The schema, oldest first. Append new versions; never edit a released one. */
    public static final List<Migration> MIGRATIONS = List.of(
            Migration.fromResource(1, "topics, partitions, cluster, producer ids", "db/replica-manager/V1__metadata.sql"),
            Migration.fromResource(2, "partition epochs", "db/replica-manager/V2__partition_epoch.sql"),
            Migration.fromResource(3, "topic ownership (managed_by)", "db/replica-manager/V3__topic_owner.sql"),
            Migration.fromResource(4, "partition reassignments", "db/replica-manager/V4__reassignment.sql"));

    private final Pool pool;

    public PgMetadataStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<ControllerSession> startSession(String proposedClusterId) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO cluster (id) VALUES ($1) ON CONFLICT (single_row) DO NOTHING")
                .execute(Tuple.of(proposedClusterId))
                .compose(inserted -> connection
                        .preparedQuery("UPDATE cluster SET controller_epoch = controller_epoch + 1 RETURNING id, controller_epoch")
                        .execute())
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new ControllerSession(row.getString("id"), row.getLong("controller_epoch"));
                }));
    }

    @Override
    public Future<List<TopicInfo>> loadTopics() {
        return pool.withTransaction(connection -> connection
                .query("SELECT name, topic_id, configs FROM topics ORDER BY name").execute()
                .compose(topics -> connection
                        .query("SELECT topic, partition, leader, leader_epoch, replicas, isr, partition_epoch, adding_replicas, removing_replicas "
                                + "FROM partitions ORDER BY topic, partition")
                        .execute()
                        .map(partitions -> assemble(topics, partitions))));
    }

    @Override
    public Future<Map<String, String>> loadOwners() {
        return pool.query("SELECT name, managed_by FROM topics WHERE managed_by IS NOT NULL").execute()
                .map(rows -> {
                    Map<String, String> owners = new TreeMap<>();
                    rows.forEach(row -> owners.put(row.getString("name"), row.getString("managed_by")));
                    return owners;
                });
    }

    @Override
    public Future<Void> createTopic(TopicInfo topic, Optional<String> owner) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO topics (name, topic_id, configs, managed_by) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(topic.name(), topic.id(), new JsonObject(new LinkedHashMap<>(topic.configs())),
                        owner.orElse(null)))
                .compose(inserted -> insertPartitions(connection, topic.name(), topic.partitions())));
    }

    @Override
    public Future<Void> deleteTopic(String name, UUID id) {
        return pool.preparedQuery("DELETE FROM topics WHERE name = $1 AND topic_id = $2")
                .execute(Tuple.of(name, id))
                .compose(rows -> expectOne(rows, "topic " + name + " (" + id + ")"));
    }

    @Override
    public Future<Void> addPartitions(String topic, List<PartitionInfo> partitions) {
        return pool.withTransaction(connection -> insertPartitions(connection, topic, partitions));
    }

    @Override
    public Future<Void> updateConfigs(String topic, Map<String, String> configs) {
        return pool.preparedQuery("UPDATE topics SET configs = $2 WHERE name = $1")
                .execute(Tuple.of(topic, new JsonObject(new LinkedHashMap<>(configs))))
                .compose(rows -> expectOne(rows, "topic " + topic));
    }

    @Override
    public Future<Void> updatePartition(String topic, PartitionInfo partition) {
        return updatePartitions(List.of(new PartitionChange(topic, partition)));
    }

    @Override
    public Future<Void> updatePartitions(List<PartitionChange> changes) {
        if (changes.isEmpty()) {
            return Future.succeededFuture();
        }
        return pool.withTransaction(connection -> {
            Future<Void> chain = Future.succeededFuture();
            for (PartitionChange change : changes) {
                PartitionInfo partition = change.partition();
                chain = chain.compose(previous -> connection.preparedQuery("UPDATE partitions SET leader = $3, leader_epoch = $4, "
                                + "replicas = $5, isr = $6, partition_epoch = $7, adding_replicas = $8, removing_replicas = $9 "
                                + "WHERE topic = $1 AND partition = $2")
                        .execute(partitionRow(change.topic(), partition))
                        .compose(rows -> expectOne(rows, "partition " + change.topic() + "-" + partition.partition())));
            }
            return chain;
        });
    }

    @Override
    public Future<Long> nextProducerId() {
        return pool.query("SELECT nextval('producer_ids') AS id").execute()
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    private static Future<Void> insertPartitions(io.vertx.sqlclient.SqlConnection connection, String topic,
                                                 List<PartitionInfo> partitions) {
        if (partitions.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> rows = new ArrayList<>(partitions.size());
        for (PartitionInfo p : partitions) {
            rows.add(partitionRow(topic, p));
        }
        return connection.preparedQuery("INSERT INTO partitions (topic, partition, leader, leader_epoch, replicas, isr, "
                        + "partition_epoch, adding_replicas, removing_replicas) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(rows)
                .mapEmpty();
    }

    /** The nine columns of a partitions row, in table order. */
    private static Tuple partitionRow(String topic, PartitionInfo p) {
        return Tuple.from(List.of(topic, p.partition(), p.leader(), p.leaderEpoch(), p.replicas().toArray(Integer[]::new),
                p.isr().toArray(Integer[]::new), p.partitionEpoch(), p.addingReplicas().toArray(Integer[]::new),
                p.removingReplicas().toArray(Integer[]::new)));
    }

    private static Future<Void> expectOne(RowSet<Row> rows, String what) {
        return rows.rowCount() == 1 ? Future.succeededFuture()
                : Future.failedFuture(new IllegalStateException("Expected to change exactly one row for " + what
                + " but changed " + rows.rowCount()));
    }

    private static List<TopicInfo> assemble(RowSet<Row> topics, RowSet<Row> partitions) {
        Map<String, List<PartitionInfo>> byTopic = new TreeMap<>();
        for (Row row : partitions) {
            byTopic.computeIfAbsent(row.getString("topic"), t -> new ArrayList<>()).add(new PartitionInfo(
                    row.getInteger("partition"), row.getInteger("leader"), row.getInteger("leader_epoch"),
                    List.of(row.getArrayOfIntegers("replicas")), List.of(row.getArrayOfIntegers("isr")),
                    row.getInteger("partition_epoch"), List.of(row.getArrayOfIntegers("adding_replicas")),
                    List.of(row.getArrayOfIntegers("removing_replicas"))));
        }
        List<TopicInfo> result = new ArrayList<>();
        for (Row row : topics) {
            String name = row.getString("name");
            Map<String, String> configs = new TreeMap<>();
            JsonObject json = (JsonObject) row.getValue("configs");
            json.forEach(entry -> configs.put(entry.getKey(), String.valueOf(entry.getValue())));
            List<PartitionInfo> parts = byTopic.getOrDefault(name, List.of());
            checkContiguous(name, parts);
            result.add(new TopicInfo(name, row.getUUID("topic_id"), Collections.unmodifiableMap(configs), List.copyOf(parts)));
        }
        return result;
    }

    /** TopicInfo addresses partitions by list position, so partition numbers must be 0..n-1 with no gap. */
    private static void checkContiguous(String topic, List<PartitionInfo> partitions) {
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i).partition() != i) {
                throw new IllegalStateException("Topic " + topic + " has partitions "
                        + Arrays.toString(partitions.stream().mapToInt(PartitionInfo::partition).toArray())
                        + " in the database: expected 0.." + (partitions.size() - 1));
            }
        }
    }
}
