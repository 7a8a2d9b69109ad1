package dev.runnel.offsets.core;

import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.TopicPartitionRef;
import io.vertx.core.Future;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where committed offsets live. Every future fails when the store cannot answer (the coordinator turns
 * that into COORDINATOR_NOT_AVAILABLE); a commit's future succeeds only once the offsets are durable.
 */
public interface OffsetStore {

    /** Upserts the offsets of one group atomically (all or none), stamped with {@code commitTime}. */
    Future<Void> commit(String groupId, List<OffsetToCommit> offsets, Instant commitTime);

    /** Every committed offset of the group, in topic and partition order. */
    Future<List<CommittedOffset>> committed(String groupId);

    /** The groups that have at least one committed offset. */
    Future<Set<String>> groupsWithOffsets();

    /** Removes the given partitions' offsets of the group. */
    Future<Void> delete(String groupId, List<TopicPartitionRef> partitions);

    /** Removes every offset of the group; the number of rows removed. */
    Future<Integer> deleteGroup(String groupId);
}
