package dev.runnel.wire.api;

import dev.runnel.bus.control.TopicConfigs;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigSource;
import org.apache.kafka.common.requests.DescribeConfigsResponse.ConfigType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic's full config as clients see it: every name {@link TopicConfigs} knows, valued from the topic
 * when set there (source TOPIC_CONFIG) or from the default (source DEFAULT_CONFIG, isDefault).
 */
final class TopicConfigEntries {
    private TopicConfigEntries() {
    }

    record Entry(String name, String value, boolean isDefault, ConfigSource source, ConfigType type) {
    }

    private static final Set<String> LONGS = Set.of(TopicConfigs.RETENTION_MS, TopicConfigs.RETENTION_BYTES,
            TopicConfigs.SEGMENT_MS, TopicConfigs.FLUSH_MESSAGES, TopicConfigs.FLUSH_MS);
    private static final Set<String> INTS = Set.of(TopicConfigs.SEGMENT_BYTES, TopicConfigs.SEGMENT_INDEX_BYTES,
            TopicConfigs.INDEX_INTERVAL_BYTES, TopicConfigs.MAX_MESSAGE_BYTES, TopicConfigs.MIN_INSYNC_REPLICAS);

    static List<Entry> of(Map<String, String> topicConfigs) {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, String> d : TopicConfigs.defaults().entrySet()) {
            boolean set = topicConfigs.containsKey(d.getKey());
            entries.add(new Entry(d.getKey(), set ? topicConfigs.get(d.getKey()) : d.getValue(), !set,
                    set ? ConfigSource.TOPIC_CONFIG : ConfigSource.DEFAULT_CONFIG, typeOf(d.getKey())));
        }
        return entries;
    }

    private static ConfigType typeOf(String name) {
        if (LONGS.contains(name)) {
            return ConfigType.LONG;
        }
        if (INTS.contains(name)) {
            return ConfigType.INT;
        }
        if (name.equals(TopicConfigs.UNCLEAN_LEADER_ELECTION_ENABLE)) {
            return ConfigType.BOOLEAN;
        }
        if (name.equals(TopicConfigs.CLEANUP_POLICY)) {
            return ConfigType.LIST;
        }
        return ConfigType.STRING;
    }
}
