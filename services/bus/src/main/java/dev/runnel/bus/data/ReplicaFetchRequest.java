package dev.runnel.bus.data;

import java.util.List;

/**
 * A follower's pull from the store that leads its partitions (Kafka's replica Fetch). Like a consumer
 * fetch it is a long poll: the leader answers once it has {@code minBytes} or after {@code maxWaitMs}.
 *
 * @param replicaId the follower's broker id
 */
public record ReplicaFetchRequest(int replicaId, int maxWaitMs, int minBytes, int maxBytes,
                                  List<ReplicaPartitionFetch> partitions) {
}
