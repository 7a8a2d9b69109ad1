package dev.runnel.bus;

import java.util.HashMap;
import java.util.Map;

/**
 * Errors Runnel's services report to each other. Each one carries the Kafka protocol error code it
 * becomes on the wire, so the gateway never has to translate meanings, only numbers.
 */
public enum ErrorCode {
    NONE(0),
    UNKNOWN_SERVER_ERROR(-1),
    OFFSET_OUT_OF_RANGE(1),
    CORRUPT_MESSAGE(2),
    UNKNOWN_TOPIC_OR_PARTITION(3),
    INVALID_FETCH_SIZE(4),
    LEADER_NOT_AVAILABLE(5),
    NOT_LEADER_OR_FOLLOWER(6),
    REQUEST_TIMED_OUT(7),
    MESSAGE_TOO_LARGE(10),
    OFFSET_METADATA_TOO_LARGE(12),
    COORDINATOR_LOAD_IN_PROGRESS(14),
    COORDINATOR_NOT_AVAILABLE(15),
    NOT_COORDINATOR(16),
    INVALID_TOPIC_EXCEPTION(17),
    RECORD_LIST_TOO_LARGE(18),
    NOT_ENOUGH_REPLICAS(19),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(20),
    INVALID_REQUIRED_ACKS(21),
    ILLEGAL_GENERATION(22),
    INCONSISTENT_GROUP_PROTOCOL(23),
    INVALID_GROUP_ID(24),
    UNKNOWN_MEMBER_ID(25),
    INVALID_SESSION_TIMEOUT(26),
    REBALANCE_IN_PROGRESS(27),
    INVALID_COMMIT_OFFSET_SIZE(28),
    TOPIC_AUTHORIZATION_FAILED(29),
    INVALID_TIMESTAMP(32),
    UNSUPPORTED_VERSION(35),
    TOPIC_ALREADY_EXISTS(36),
    INVALID_PARTITIONS(37),
    INVALID_REPLICATION_FACTOR(38),
    INVALID_REPLICA_ASSIGNMENT(39),
    INVALID_CONFIG(40),
    NOT_CONTROLLER(41),
    INVALID_REQUEST(42),
    POLICY_VIOLATION(44),
    OUT_OF_ORDER_SEQUENCE_NUMBER(45),
    DUPLICATE_SEQUENCE_NUMBER(46),
    INVALID_PRODUCER_EPOCH(47),
    KAFKA_STORAGE_ERROR(56),
    UNKNOWN_PRODUCER_ID(59),
    REASSIGNMENT_IN_PROGRESS(60),
    NON_EMPTY_GROUP(68),
    GROUP_ID_NOT_FOUND(69),
    FENCED_LEADER_EPOCH(74),
    UNKNOWN_LEADER_EPOCH(75),
    UNSUPPORTED_COMPRESSION_TYPE(76),
    MEMBER_ID_REQUIRED(79),
    GROUP_MAX_SIZE_REACHED(81),
    FENCED_INSTANCE_ID(82),
    NO_REASSIGNMENT_IN_PROGRESS(85),
    GROUP_SUBSCRIBED_TO_TOPIC(86),
    INVALID_RECORD(87),
    INVALID_UPDATE_VERSION(95),
    UNKNOWN_TOPIC_ID(100),
    INCONSISTENT_TOPIC_ID(103),
    INELIGIBLE_REPLICA(107),
    NEW_LEADER_ELECTED(108);

    private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();
    static {
        for (ErrorCode e : values()) {
            BY_CODE.put((int) e.code, e);
        }
    }

    private final short code;

    ErrorCode(int code) {
        this.code = (short) code;
    }

    /** The Kafka protocol error code. */
    public short code() {
        return code;
    }

    /** The error for a Kafka error code; codes Runnel does not name become {@link #UNKNOWN_SERVER_ERROR}. */
    public static ErrorCode forCode(int code) {
        return BY_CODE.getOrDefault(code, UNKNOWN_SERVER_ERROR);
    }
}
