package dev.runnel.wire.api;

import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.protocol.Errors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What AlterConfigs and IncrementalAlterConfigs share: each resource becomes either a topic config
 * change for the backend or an error decided here; answers come back per resource in request order.
 */
final class TopicConfigChanges {
    private TopicConfigChanges() {
    }

    /** One resource of the request, resolved to a change or refused. */
    record Item(byte resourceType, String resourceName, Optional<TopicConfigChange> change, Errors error,
                String message) {

        static Item refused(byte type, String name, Errors error, String message) {
            return new Item(type, name, Optional.empty(), error, message);
        }
    }

    /** An answer per item: the local error, or the backend's result for its topic. */
    record Outcome(Item item, Errors error, String message) {
    }

    static Optional<Item> refuseNonTopic(byte resourceType, String name) {
        ConfigResource.Type type = ConfigResource.Type.forId(resourceType);
        if (type == ConfigResource.Type.TOPIC) {
            if (TopicNames.problem(name).isPresent()) {
                return Optional.of(Item.refused(resourceType, name, Errors.INVALID_TOPIC_EXCEPTION,
                        TopicNames.problem(name).get()));
            }
            return Optional.empty();
        }
        return Optional.of(Item.refused(resourceType, name, Errors.INVALID_REQUEST,
                "Runnel alters TOPIC configs only, not " + type));
    }

    static Future<List<Outcome>> apply(KafkaBackend backend, List<Item> items, boolean validateOnly) {
        List<TopicConfigChange> changes = new ArrayList<>();
        items.forEach(i -> i.change().ifPresent(changes::add));
        Future<Map<String, TopicResult>> remote = changes.isEmpty() ? Future.succeededFuture(Map.of())
                : backend.alterConfigs(new AlterConfigsRequest(changes, validateOnly)).map(results -> {
                    Map<String, TopicResult> byName = new HashMap<>();
                    results.topics().forEach(r -> byName.put(r.name(), r));
                    return byName;
                });
        return remote.map(byName -> items.stream().map(item -> {
            if (item.change().isEmpty()) {
                return new Outcome(item, item.error(), item.message());
            }
            TopicResult r = byName.get(item.resourceName());
            if (r == null) {
                return new Outcome(item, Errors.UNKNOWN_SERVER_ERROR, "The controller gave no answer for this topic");
            }
            Errors error = KafkaErrors.toKafka(r.error());
            return new Outcome(item, error, error == Errors.NONE ? null : r.message());
        }).toList());
    }
}
