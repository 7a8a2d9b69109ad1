package dev.runnel.wire.api;

import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.common.message.AlterConfigsRequestData.AlterConfigsResource;
import org.apache.kafka.common.message.AlterConfigsRequestData.AlterableConfig;
import org.apache.kafka.common.message.AlterConfigsResponseData;
import org.apache.kafka.common.message.AlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AlterConfigsRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AlterConfigs (the legacy, non-incremental one): the given configs become the topic's whole set;
 * every other config reverts to its default, as in Kafka. Values are checked with
 * {@link TopicConfigs#validate} (INVALID_CONFIG); only TOPIC resources can be altered.
 */
final class AlterConfigsHandler implements ApiHandler<AlterConfigsRequest> {
    private final KafkaBackend backend;

    AlterConfigsHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, AlterConfigsRequest request) {
        List<TopicConfigChanges.Item> items = new ArrayList<>();
        for (AlterConfigsResource resource : request.data().resources()) {
            items.add(item(resource));
        }
        return TopicConfigChanges.apply(backend, items, request.data().validateOnly()).map(outcomes -> {
            List<AlterConfigsResourceResponse> responses = outcomes.stream().map(o -> new AlterConfigsResourceResponse()
                    .setResourceType(o.item().resourceType()).setResourceName(o.item().resourceName())
                    .setErrorCode(o.error().code()).setErrorMessage(o.message())).toList();
            return new AlterConfigsResponseData().setResponses(new ArrayList<>(responses));
        });
    }

    private static TopicConfigChanges.Item item(AlterConfigsResource resource) {
        byte type = resource.resourceType();
        String name = resource.resourceName();
        Optional<TopicConfigChanges.Item> refused = TopicConfigChanges.refuseNonTopic(type, name);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, String> set = new LinkedHashMap<>();
        for (AlterableConfig config : resource.configs()) {
            set.put(config.name(), config.value());
        }
        Optional<String> problem = TopicConfigs.validate(set);
        if (problem.isPresent()) {
            return TopicConfigChanges.Item.refused(type, name, Errors.INVALID_CONFIG, problem.get());
        }
        List<String> delete = TopicConfigs.defaults().keySet().stream().filter(k -> !set.containsKey(k)).toList();
        return new TopicConfigChanges.Item(type, name, Optional.of(new TopicConfigChange(name, set, delete)),
                Errors.NONE, null);
    }
}
