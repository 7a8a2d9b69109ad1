package dev.runnel.controller.core;

/** What {@link Controller#deleteOwnedTopic} did. */
public enum OwnedDeletion {
    /** The topic was the owner's and is gone. */
    DELETED,
    /** The topic exists but someone else owns it (or the Kafka API created it): left in place. */
    NOT_OWNED,
    /** There was no such topic. */
    ABSENT
}
