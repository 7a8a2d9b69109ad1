package dev.runnel.offsets.core;

/** The classic group protocol's states, named on the wire as Kafka names them. */
public enum GroupState {
    /** No members; the group may still have committed offsets. */
    EMPTY("Empty"),
    /** Waiting for every member to (re)join before a new generation starts. */
    PREPARING_REBALANCE("PreparingRebalance"),
    /** The new generation is formed; waiting for the leader's assignment (SyncGroup). */
    COMPLETING_REBALANCE("CompletingRebalance"),
    /** Every member has its assignment; members heartbeat. */
    STABLE("Stable"),
    /** The group is unknown or deleted. */
    DEAD("Dead");

    private final String kafkaName;

    GroupState(String kafkaName) {
        this.kafkaName = kafkaName;
    }

    public String kafkaName() {
        return kafkaName;
    }
}
