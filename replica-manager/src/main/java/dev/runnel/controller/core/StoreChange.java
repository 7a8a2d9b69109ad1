package dev.runnel.controller.core;

/** What a heartbeat changed about the set of live stores. */
public enum StoreChange {
    /** A store not live before: it joined, or returned after being declared dead. */
    JOINED,
    /** A live store now reports a different rack or HTTP address. */
    UPDATED,
    /**
     * A live store reports another event-bus node id with the same details: it restarted within its
     * session, before its old node was seen to leave. Not a metadata change.
     */
    RESTARTED,
    /** A live store is still alive with the same details. */
    UNCHANGED
}
