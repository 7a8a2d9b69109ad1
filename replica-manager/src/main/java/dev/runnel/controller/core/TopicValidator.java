package dev.runnel.controller.core;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.TopicConfigs;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kafka's rules for topic requests: legal names, partition counts, replication factors and configs.
 * Each check throws {@link TopicRejectedException} with the error code a Kafka client expects.
 * Stateless and thread-safe.
 *
 * @param defaultPartitions        used when a request asks for -1 ({@code runnel.default.partitions})
 * @param defaultReplicationFactor used when a request asks for -1 ({@code runnel.default.replication.factor})
 * @param maxPartitions            the most partitions one topic may have (a guard against typos such as 1000000)
 */
public record TopicValidator(int defaultPartitions, short defaultReplicationFactor, int maxPartitions) {
    public static final int MAX_NAME_LENGTH = 249;
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");

    public TopicValidator {
        if (defaultPartitions < 1 || defaultReplicationFactor < 1 || maxPartitions < defaultPartitions) {
            throw new IllegalArgumentException("Invalid topic defaults: partitions=" + defaultPartitions
                    + ", replication factor=" + defaultReplicationFactor + ", max partitions=" + maxPartitions);
        }
    }

    /** Kafka's name rules: 1–249 of {@code [a-zA-Z0-9._-]}, and not "." or "..". */
    public void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new TopicRejectedException(ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new TopicRejectedException(ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name cannot be \".\" or \"..\"");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new TopicRejectedException(ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name is " + name.length()
                    + " characters long; the limit is " + MAX_NAME_LENGTH);
        }
        if (!LEGAL_NAME.matcher(name).matches()) {
            throw new TopicRejectedException(ErrorCode.INVALID_TOPIC_EXCEPTION, "Topic name \"" + name
                    + "\" is illegal: it may contain only ASCII letters, digits, '.', '_' and '-'");
        }
    }

    /**
     * Kafka refuses names that differ only by '.' versus '_' (they collide in metric names).
     */
    public void checkNoCollision(String name, Collection<String> existing) {
        String normalized = name.replace('.', '_');
        for (String other : existing) {
            if (!other.equals(name) && other.replace('.', '_').equals(normalized)) {
                throw new TopicRejectedException(ErrorCode.INVALID_TOPIC_EXCEPTION,
                        "Topic \"" + name + "\" collides with existing topic \"" + other + "\" ('.' and '_' are equivalent)");
            }
        }
    }

    /** The partition count to create: the request's, or the default for -1. */
    public int partitions(String topic, int requested) {
        int partitions = requested == -1 ? defaultPartitions : requested;
        if (partitions < 1) {
            throw new TopicRejectedException(ErrorCode.INVALID_PARTITIONS, "Number of partitions for topic " + topic
                    + " must be at least 1 (or -1 for the default), not " + requested);
        }
        if (partitions > maxPartitions) {
            throw new TopicRejectedException(ErrorCode.INVALID_PARTITIONS, "Number of partitions for topic " + topic
                    + " is " + partitions + "; the limit is " + maxPartitions);
        }
        return partitions;
    }

    /** The replication factor to create: the request's, or the default for -1; at most the live stores. */
    public int replicationFactor(String topic, int requested, int liveStores) {
        int factor = requested == -1 ? defaultReplicationFactor : requested;
        if (factor < 1) {
            throw new TopicRejectedException(ErrorCode.INVALID_REPLICATION_FACTOR, "Replication factor for topic " + topic
                    + " must be at least 1 (or -1 for the default), not " + requested);
        }
        checkEnoughStores(topic, factor, liveStores);
        return factor;
    }

    /** Every replica of a partition must be on a distinct live store. */
    public void checkEnoughStores(String topic, int replicationFactor, int liveStores) {
        if (replicationFactor > liveStores) {
            throw new TopicRejectedException(ErrorCode.INVALID_REPLICATION_FACTOR, "Replication factor: "
                    + replicationFactor + " larger than available stores: " + liveStores + " (topic " + topic + ")");
        }
    }

    /** The configs, unchanged, if every name is known and every value acceptable. */
    public Map<String, String> configs(String topic, Map<String, String> configs) {
        Optional<String> problem = TopicConfigs.validate(configs);
        if (problem.isPresent()) {
            throw new TopicRejectedException(ErrorCode.INVALID_CONFIG, problem.get() + " (topic " + topic + ")");
        }
        return Map.copyOf(configs);
    }
}
