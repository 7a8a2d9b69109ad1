package dev.runnel.bus.data;

/**
 * One partition of a {@link ReplicaFetchRequest}.
 *
 * @param fetchOffset        the follower's log end offset: where it wants to read from, and what the leader
 *                           records as the follower's progress
 * @param lastFetchedEpoch   the leader epoch of the follower's last batch (-1 for an empty log); the leader
 *                           checks it against its own epochs and answers a divergence when they disagree
 * @param currentLeaderEpoch the leader epoch the follower's metadata names; a leader at another epoch refuses
 */
public record ReplicaPartitionFetch(String topic, int partition, long fetchOffset, int lastFetchedEpoch,
                                    int currentLeaderEpoch, int maxBytes) {
}
