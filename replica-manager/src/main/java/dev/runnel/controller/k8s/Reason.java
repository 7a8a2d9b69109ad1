package dev.runnel.controller.k8s;

import dev.runnel.bus.ErrorCode;

/**
 * Why a Topic is (not) Ready: one constant per {@code Ready} condition reason, with the condition status
 * it implies. The wire value ({@link #conditionReason()}) is what {@code kubectl} shows.
 */
public enum Reason {
    /** The topic matches the spec; this resource created it and deletes it. */
    RECONCILED("Reconciled", true),
    /** The topic matches the spec; it was created over the Kafka API, so deleting this resource leaves it. */
    ADOPTED("Adopted", true),
    /** spec.partitions is below the topic's partition count: Kafka partitions can only grow. */
    PARTITION_DECREASE_REFUSED("PartitionDecreaseRefused", false),
    /** spec.replicas differs from the topic's replication factor: changing it needs partition reassignment. */
    REPLICATION_FACTOR_CHANGE_UNSUPPORTED("ReplicationFactorChangeUnsupported", false),
    /** spec.config names an unknown config or holds an invalid value. */
    INVALID_CONFIG("InvalidConfig", false),
    /** spec.partitions is outside what the controller accepts (e.g. above runnel.controller.max-partitions-per-topic). */
    INVALID_PARTITIONS("InvalidPartitions", false),
    /** spec.replicas cannot be placed (e.g. more replicas than live partition-stores). */
    INVALID_REPLICATION_FACTOR("InvalidReplicationFactor", false),
    /** The topic name is not a legal Kafka topic name or collides with another topic. */
    INVALID_TOPIC_NAME("InvalidTopicName", false),
    /** spec.topicName changed after the topic was created. */
    TOPIC_NAME_CHANGE_REFUSED("TopicNameChangeRefused", false),
    /** Another Topic resource created this topic and owns it. */
    OWNED_BY_ANOTHER_RESOURCE("OwnedByAnotherResource", false),
    /** The replica-manager's controller is not started yet (PostgreSQL unreachable, starting up); retried. */
    CONTROLLER_UNAVAILABLE("ControllerUnavailable", false),
    /** The controller failed unexpectedly (e.g. a database error); retried. */
    CONTROLLER_ERROR("ControllerError", false);

    private final String conditionReason;
    private final boolean ready;

    Reason(String conditionReason, boolean ready) {
        this.conditionReason = conditionReason;
        this.ready = ready;
    }

    public String conditionReason() {
        return conditionReason;
    }

    /** The Ready condition's status this reason goes with. */
    public boolean ready() {
        return ready;
    }

    /** The reason for a refusal the controller answered with {@code error}. */
    public static Reason forRejection(ErrorCode error) {
        return switch (error) {
            case INVALID_CONFIG -> INVALID_CONFIG;
            case INVALID_PARTITIONS -> INVALID_PARTITIONS;
            case INVALID_REPLICATION_FACTOR, INVALID_REPLICA_ASSIGNMENT -> INVALID_REPLICATION_FACTOR;
            case INVALID_TOPIC_EXCEPTION, TOPIC_ALREADY_EXISTS -> INVALID_TOPIC_NAME;
            default -> CONTROLLER_ERROR;
        };
    }
}
