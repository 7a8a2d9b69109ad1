package dev.runnel.bus.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The topic configs Runnel understands, by their Kafka names, with Kafka's defaults. A topic stores only
 * the configs set on it; everything else takes the default here. Unknown names and bad values are
 * refused with a message that names the config, so a client sees INVALID_CONFIG and why.
 */
public final class TopicConfigs {
    private TopicConfigs() {
    }

    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String RETENTION_MS = "retention.ms";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String SEGMENT_BYTES = "segment.bytes";
    public static final String SEGMENT_MS = "segment.ms";
    public static final String SEGMENT_INDEX_BYTES = "segment.index.bytes";
    public static final String INDEX_INTERVAL_BYTES = "index.interval.bytes";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String MESSAGE_TIMESTAMP_TYPE = "message.timestamp.type";
    public static final String FLUSH_MESSAGES = "flush.messages";
    public static final String FLUSH_MS = "flush.ms";
    public static final String COMPRESSION_TYPE = "compression.type";
    public static final String UNCLEAN_LEADER_ELECTION_ENABLE = "unclean.leader.election.enable";

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    static {
        DEFAULTS.put(CLEANUP_POLICY, "delete");
        DEFAULTS.put(RETENTION_MS, "604800000");
        DEFAULTS.put(RETENTION_BYTES, "-1");
        DEFAULTS.put(SEGMENT_BYTES, "1073741824");
        DEFAULTS.put(SEGMENT_MS, "604800000");
        DEFAULTS.put(SEGMENT_INDEX_BYTES, "10485760");
        DEFAULTS.put(INDEX_INTERVAL_BYTES, "4096");
        DEFAULTS.put(MAX_MESSAGE_BYTES, "1048588");
        DEFAULTS.put(MIN_INSYNC_REPLICAS, "1");
        DEFAULTS.put(MESSAGE_TIMESTAMP_TYPE, "CreateTime");
        DEFAULTS.put(FLUSH_MESSAGES, String.valueOf(Long.MAX_VALUE));
        DEFAULTS.put(FLUSH_MS, String.valueOf(Long.MAX_VALUE));
        DEFAULTS.put(COMPRESSION_TYPE, "producer");
        DEFAULTS.put(UNCLEAN_LEADER_ELECTION_ENABLE, "false");
    }

    private static final Set<String> LONG_CONFIGS = Set.of(RETENTION_MS, RETENTION_BYTES, SEGMENT_MS, FLUSH_MESSAGES, FLUSH_MS);
    private static final Set<String> POSITIVE_INT_CONFIGS = Set.of(SEGMENT_BYTES, SEGMENT_INDEX_BYTES, INDEX_INTERVAL_BYTES,
            MAX_MESSAGE_BYTES, MIN_INSYNC_REPLICAS);

    /** Every supported config name with its default, in a stable order. */
    public static Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** The effective value: set on the topic, or the default. */
    public static String effective(Map<String, String> topicConfigs, String name) {
        return topicConfigs.getOrDefault(name, DEFAULTS.get(name));
    }

    /** Why {@code name=value} is not acceptable, or empty when it is. */
    public static Optional<String> validate(String name, String value) {
        if (!DEFAULTS.containsKey(name)) {
            return Optional.of("Unknown topic config name: " + name);
        }
        if (value == null) {
            return Optional.of("Config " + name + " needs a value");
        }
        try {
            if (LONG_CONFIGS.contains(name)) {
                long v = Long.parseLong(value.trim());
                if (v < -1 || (v == 0 && !name.equals(RETENTION_BYTES) && !name.equals(RETENTION_MS))) {
                    return Optional.of("Invalid value " + value + " for " + name + ": must be -1 or positive");
                }
            } else if (POSITIVE_INT_CONFIGS.contains(name)) {
                if (Integer.parseInt(value.trim()) < 1) {
                    return Optional.of("Invalid value " + value + " for " + name + ": must be at least 1");
                }
            }
        } catch (NumberFormatException e) {
            return Optional.of("Invalid value " + value + " for " + name + ": not a number");
        }
        return switch (name) {
            case CLEANUP_POLICY -> value.equals("delete") ? Optional.empty()
                    : Optional.of("cleanup.policy=" + value + " is not supported: Runnel supports delete");
            case MESSAGE_TIMESTAMP_TYPE -> value.equals("CreateTime") || value.equals("LogAppendTime") ? Optional.empty()
                    : Optional.of("message.timestamp.type must be CreateTime or LogAppendTime, not " + value);
            case UNCLEAN_LEADER_ELECTION_ENABLE -> value.equals("true") || value.equals("false") ? Optional.empty()
                    : Optional.of("unclean.leader.election.enable must be true or false, not " + value);
            case COMPRESSION_TYPE -> Set.of("producer", "uncompressed", "gzip", "snappy", "lz4", "zstd").contains(value)
                    ? Optional.empty() : Optional.of("Invalid compression.type " + value);
            default -> Optional.empty();
        };
    }

    /** The first problem among these configs, or empty when all are acceptable. */
    public static Optional<String> validate(Map<String, String> configs) {
        return configs.entrySet().stream()
                .map(e -> validate(e.getKey(), e.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
