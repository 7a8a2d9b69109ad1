package dev.runnel.bus.control;

import java.util.List;
import java.util.Map;

/**
 * Change topic configs. {@code set} values replace, {@code delete} names revert to the default.
 */
public record AlterConfigsRequest(List<TopicConfigChange> topics, boolean validateOnly) {

    public record TopicConfigChange(String name, Map<String, String> set, List<String> delete) {
    }
}
