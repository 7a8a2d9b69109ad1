package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.PartitionInfo;

import java.util.List;

/**
 * Who leads a partition, at which leader epoch, with which in-sync replicas, as the last applied metadata
 * (or the controller's answer to this store's own ISR change) says.
 *
 * @param leader         broker id of the leader, -1 when unknown or offline
 * @param partitionEpoch grows with every leader or ISR change; an ISR change request names it
 */
public record Leadership(int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr, int partitionEpoch) {

    /** A replica found on disk before any metadata named it: nobody is known to lead it. */
    public static final Leadership UNKNOWN = new Leadership(-1, -1, List.of(), List.of(), -1);

    public Leadership(int leader, int leaderEpoch, List<Integer> replicas, List<Integer> isr) {
        this(leader, leaderEpoch, replicas, isr, 0);
    }

    public static Leadership of(PartitionInfo info) {
        return new Leadership(info.leader(), info.leaderEpoch(), List.copyOf(info.replicas()), List.copyOf(info.isr()),
                info.partitionEpoch());
    }

    /** Whether this is a later state of the partition than {@code other}: a newer leader epoch, or the same one at a newer partition epoch. */
    public boolean isNewerThan(Leadership other) {
        return leaderEpoch > other.leaderEpoch || (leaderEpoch == other.leaderEpoch && partitionEpoch > other.partitionEpoch);
    }

    public boolean isLeader(int brokerId) {
        return leader == brokerId;
    }

    /** Whether {@code brokerId} follows: a replica that another store leads. */
    public boolean isFollower(int brokerId) {
        return leader >= 0 && leader != brokerId && replicas.contains(brokerId);
    }

    /**
     * Whether {@code brokerId} may serve a request that believes the leader epoch is {@code requestEpoch}
     * (-1 = don't check): NONE, NOT_LEADER_OR_FOLLOWER, FENCED_LEADER_EPOCH (the sender is behind) or
     * UNKNOWN_LEADER_EPOCH (the sender is ahead of this store's metadata).
     */
    public ErrorCode checkLeader(int brokerId, int requestEpoch) {
        if (leader != brokerId) {
            return ErrorCode.NOT_LEADER_OR_FOLLOWER;
        }
        if (requestEpoch >= 0 && requestEpoch < leaderEpoch) {
            return ErrorCode.FENCED_LEADER_EPOCH;
        }
        if (requestEpoch > leaderEpoch) {
            return ErrorCode.UNKNOWN_LEADER_EPOCH;
        }
        return ErrorCode.NONE;
    }

    /** True when the in-sync replicas are this broker alone, so the high watermark may follow the log end. */
    public boolean isOnlyInSyncReplica(int brokerId) {
        return isr.stream().allMatch(id -> id == brokerId);
    }
}
