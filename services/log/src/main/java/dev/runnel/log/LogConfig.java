package dev.runnel.log;

import java.util.Map;

/**
 * The per-partition settings the log engine honours, by their Kafka topic-config names. Immutable;
 * {@link PartitionLog#updateConfig} swaps the whole object (index sizes apply to segments created later).
 *
 * @param segmentBytes       segment.bytes: roll when the active segment would grow past this
 * @param segmentMs          segment.ms: roll when the active segment's first batch is this old
 * @param retentionBytes     retention.bytes: delete oldest segments while the log stays above it (-1 = unlimited)
 * @param retentionMs        retention.ms: delete segments whose newest timestamp is older (-1 = unlimited)
 * @param maxMessageBytes    max.message.bytes: largest batch a leader accepts
 * @param indexIntervalBytes index.interval.bytes: bytes between offset/time index entries
 * @param segmentIndexBytes  segment.index.bytes: preallocated size of each index file
 * @param flushMessages      flush.messages: fsync after this many messages (Long.MAX_VALUE = never)
 * @param flushMs            flush.ms: fsync when the last flush is this old, checked on append (Long.MAX_VALUE = never)
 * @param logAppendTime      message.timestamp.type=LogAppendTime: the leader stamps its clock into each batch
 */
public record LogConfig(int segmentBytes, long segmentMs, long retentionBytes, long retentionMs, int maxMessageBytes,
                        int indexIntervalBytes, int segmentIndexBytes, long flushMessages, long flushMs,
                        boolean logAppendTime) {

    public LogConfig {
        requireAtLeast("segment.bytes", segmentBytes, 14); // Kafka's floor: one batch header fits
        requireAtLeast("segment.ms", segmentMs, 1);
        requireAtLeast("retention.bytes", retentionBytes, -1);
        requireAtLeast("retention.ms", retentionMs, -1);
        requireAtLeast("max.message.bytes", maxMessageBytes, 0);
        requireAtLeast("index.interval.bytes", indexIntervalBytes, 0);
        requireAtLeast("segment.index.bytes", segmentIndexBytes, 24); // at least two entries of each index
        requireAtLeast("flush.messages", flushMessages, 1);
        requireAtLeast("flush.ms", flushMs, 0);
    }

    /** Kafka's defaults. */
    public static LogConfig defaults() {
        return new LogConfig(1024 * 1024 * 1024, 7L * 24 * 3600 * 1000, -1, 7L * 24 * 3600 * 1000, 1048588, 4096,
                10 * 1024 * 1024, Long.MAX_VALUE, Long.MAX_VALUE, false);
    }

    /**
     * Reads Kafka-named topic configs; a missing name takes the default. Names this engine does not use
     * (cleanup.policy, min.insync.replicas, ...) are ignored.
     *
     * @throws IllegalArgumentException naming the config when a value is not a number or out of range
     */
    public static LogConfig fromTopicConfigs(Map<String, String> configs) {
        LogConfig d = defaults();
        String timestampType = configs.getOrDefault("message.timestamp.type", "CreateTime").trim();
        if (!timestampType.equals("CreateTime") && !timestampType.equals("LogAppendTime")) {
            throw new IllegalArgumentException("message.timestamp.type must be CreateTime or LogAppendTime, not " + timestampType);
        }
        return new LogConfig(
                intOf(configs, "segment.bytes", d.segmentBytes),
                longOf(configs, "segment.ms", d.segmentMs),
                longOf(configs, "retention.bytes", d.retentionBytes),
                longOf(configs, "retention.ms", d.retentionMs),
                intOf(configs, "max.message.bytes", d.maxMessageBytes),
                intOf(configs, "index.interval.bytes", d.indexIntervalBytes),
                intOf(configs, "segment.index.bytes", d.segmentIndexBytes),
                longOf(configs, "flush.messages", d.flushMessages),
                longOf(configs, "flush.ms", d.flushMs),
                timestampType.equals("LogAppendTime"));
    }

    public LogConfig withSegmentBytes(int v) {
        return new LogConfig(v, segmentMs, retentionBytes, retentionMs, maxMessageBytes, indexIntervalBytes, segmentIndexBytes, flushMessages, flushMs, logAppendTime);
    }

    public LogConfig withSegmentMs(long v) {
        return new LogConfig(segmentBytes, v, retentionBytes, retentionMs, maxMessageBytes, indexIntervalBytes, segmentIndexBytes, flushMessages, flushMs, logAppendTime);
    }

    public LogConfig withRetentionBytes(long v) {
        return new LogConfig(segmentBytes, segmentMs, v, retentionMs, maxMessageBytes, indexIntervalBytes, segmentIndexBytes, flushMessages, flushMs, logAppendTime);
    }

    public LogConfig withRetentionMs(long v) {
        return new LogConfig(segmentBytes, segmentMs, retentionBytes, v, maxMessageBytes, indexIntervalBytes, segmentIndexBytes, flushMessages, flushMs, logAppendTime);
    }

    public LogConfig withMaxMessageBytes(int v) {
        return new LogConfig(segmentBytes, segmentMs, retentionBytes, retentionMs, v, indexIntervalBytes, segmentIndexBytes, flushMessages, flushMs, logAppendTime);
    }

    public LogConfig withIndexIntervalBytes(int v) {
        return new LogConfig(segmentBytes, segmentMs, retentionBytes, retentionMs, maxMessageBytes, v, segmentIndexBytes, flushMessages, flushMs, logAppendTime);
    }

    public LogConfig withSegmentIndexBytes(int v) {
        return new LogConfig(segmentBytes, segmentMs, retentionBytes, retentionMs, maxMessageBytes, indexIntervalBytes, v, flushMessages, flushMs, logAppendTime);
    }

    public LogConfig withFlushMessages(long v) {
        return new LogConfig(segmentBytes, segmentMs, retentionBytes, retentionMs, maxMessageBytes, indexIntervalBytes, segmentIndexBytes, v, flushMs, logAppendTime);
    }

    public LogConfig withFlushMs(long v) {
        return new LogConfig(segmentBytes, segmentMs, retentionBytes, retentionMs, maxMessageBytes, indexIntervalBytes, segmentIndexBytes, flushMessages, v, logAppendTime);
    }

    public LogConfig withLogAppendTime(boolean v) {
        return new LogConfig(segmentBytes, segmentMs, retentionBytes, retentionMs, maxMessageBytes, indexIntervalBytes, segmentIndexBytes, flushMessages, flushMs, v);
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException("Invalid " + name + "=" + value + ": must be at least " + min);
        }
    }

    private static int intOf(Map<String, String> configs, String name, int dflt) {
        long v = longOf(configs, name, dflt);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Invalid " + name + "=" + v + ": larger than " + Integer.MAX_VALUE);
        }
        return (int) v;
    }

    private static long longOf(Map<String, String> configs, String name, long dflt) {
        String raw = configs.get(name);
        if (raw == null) {
            return dflt;
        }
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + name + "=" + raw + ": not a number", e);
        }
    }
}
