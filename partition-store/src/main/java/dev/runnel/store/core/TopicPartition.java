package dev.runnel.store.core;

import java.util.Optional;

/**
 * A partition of a topic, and the name of its replica's folder on disk: {@code <topic>-<partition>}.
 * Topic names may contain '-', so the folder name is split at its last '-'.
 */
public record TopicPartition(String topic, int partition) {

    public String dirName() {
        return topic + "-" + partition;
    }

    /** The partition a folder holds, or empty when the name is not {@code <topic>-<digits>}. */
    public static Optional<TopicPartition> fromDirName(String name) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0 || dash == name.length() - 1) {
            return Optional.empty();
        }
        String digits = name.substring(dash + 1);
        if (!digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            return Optional.empty();
        }
        return Optional.of(new TopicPartition(name.substring(0, dash), Integer.parseInt(digits)));
    }

    @Override
    public String toString() {
        return dirName();
    }
}
