package dev.runnel.bus;

/**
 * Event-bus addresses. Requests are point-to-point with a reply; {@link #METADATA_UPDATES} is published
 * to every service. A store's addresses carry its broker id, so the gateway talks to exactly the store
 * that holds a partition.
 */
public final class Addresses {
    private Addresses() {
    }

    /** The active replica-manager: {@code MetadataRequest -> ClusterMetadata}. */
    public static final String CONTROLLER_METADATA = "runnel.controller.metadata";
    /** {@code CreateTopicsRequest -> TopicResults}. */
    public static final String CONTROLLER_CREATE_TOPICS = "runnel.controller.create-topics";
    /** {@code DeleteTopicsRequest -> TopicResults}. */
    public static final String CONTROLLER_DELETE_TOPICS = "runnel.controller.delete-topics";
    /** {@code CreatePartitionsRequest -> TopicResults}. */
    public static final String CONTROLLER_CREATE_PARTITIONS = "runnel.controller.create-partitions";
    /** {@code AlterConfigsRequest -> TopicResults}. */
    public static final String CONTROLLER_ALTER_CONFIGS = "runnel.controller.alter-configs";
    /** {@code InitProducerIdRequest -> ProducerIdResult}. */
    public static final String CONTROLLER_INIT_PRODUCER_ID = "runnel.controller.init-producer-id";
    /** {@code StoreHeartbeat -> HeartbeatAck}: stores announce themselves every second. */
    public static final String CONTROLLER_STORE_HEARTBEAT = "runnel.controller.store-heartbeat";

    /** The offset-service (group coordinator): {@code JoinGroupRequest -> JoinGroupResult}; replies after the rebalance. */
    public static final String GROUPS_JOIN = "runnel.groups.join";
    /** {@code SyncGroupRequest -> SyncGroupResult}; the followers' replies wait for the leader's assignment. */
    public static final String GROUPS_SYNC = "runnel.groups.sync";
    /** {@code HeartbeatRequest -> GroupErrorResult}. */
    public static final String GROUPS_HEARTBEAT = "runnel.groups.heartbeat";
    /** {@code LeaveGroupRequest -> LeaveGroupResult}. */
    public static final String GROUPS_LEAVE = "runnel.groups.leave";
    /** {@code OffsetCommitRequest -> OffsetCommitResult}: answered once the offsets are durable in PostgreSQL. */
    public static final String GROUPS_OFFSET_COMMIT = "runnel.groups.offset-commit";
    /** {@code OffsetFetchRequest -> OffsetFetchResult}. */
    public static final String GROUPS_OFFSET_FETCH = "runnel.groups.offset-fetch";
    /** {@code ListGroupsRequest -> ListGroupsResult}. */
    public static final String GROUPS_LIST = "runnel.groups.list";
    /** {@code DescribeGroupsRequest -> DescribeGroupsResult}. */
    public static final String GROUPS_DESCRIBE = "runnel.groups.describe";
    /** {@code DeleteGroupsRequest -> DeleteGroupsResult}. */
    public static final String GROUPS_DELETE = "runnel.groups.delete";
    /** {@code OffsetDeleteRequest -> OffsetDeleteResult}. */
    public static final String GROUPS_OFFSET_DELETE = "runnel.groups.offset-delete";
    /** {@code AlterPartitionRequest -> AlterPartitionResult}: a partition leader asks to change its ISR. */
    public static final String CONTROLLER_ALTER_PARTITION = "runnel.controller.alter-partition";

    /** {@code AlterReassignmentsRequest -> AlterReassignmentsResult}: start or cancel partition moves. */
    public static final String CONTROLLER_ALTER_REASSIGNMENTS = "runnel.controller.alter-reassignments";
    /** {@code ListReassignmentsRequest -> ListReassignmentsResult}. */
    public static final String CONTROLLER_LIST_REASSIGNMENTS = "runnel.controller.list-reassignments";

    /** Published by the replica-manager on every metadata change: {@code ClusterMetadata}. */
    public static final String METADATA_UPDATES = "runnel.metadata.updates";

    /** {@code ProduceRequest -> ProduceResponse} on the store with this broker id. */
    public static String storeProduce(int brokerId) {
        return "runnel.store." + brokerId + ".produce";
    }

    /** {@code FetchRequest -> FetchResponse} on the store with this broker id. */
    public static String storeFetch(int brokerId) {
        return "runnel.store." + brokerId + ".fetch";
    }

    /** {@code ListOffsetsRequest -> ListOffsetsResponse} on the store with this broker id. */
    public static String storeListOffsets(int brokerId) {
        return "runnel.store." + brokerId + ".list-offsets";
    }

    /** {@code ReplicaFetchRequest -> ReplicaFetchResponse}: followers pull from the store that leads their partitions. */
    public static String storeReplicaFetch(int brokerId) {
        return "runnel.store." + brokerId + ".replica-fetch";
    }
}
