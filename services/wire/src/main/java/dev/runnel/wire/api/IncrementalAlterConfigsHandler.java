package dev.runnel.wire.api;

import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.TopicConfigs;
import dev.runnel.wire.KafkaBackend;
import io.vertx.core.Future;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterConfigsResource;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData.AlterableConfig;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.IncrementalAlterConfigsRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IncrementalAlterConfigs for topics: SET replaces one value, DELETE reverts it to the default.
 * APPEND and SUBTRACT only make sense for list configs, and Runnel's one list config
 * (cleanup.policy) has a single legal value, so they answer INVALID_CONFIG. Unknown names and bad
 * values answer INVALID_CONFIG naming the config.
 */
final class IncrementalAlterConfigsHandler implements ApiHandler<IncrementalAlterConfigsRequest> {
    private final KafkaBackend backend;

    IncrementalAlterConfigsHandler(KafkaBackend backend) {
        this.backend = backend;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, IncrementalAlterConfigsRequest request) {
        List<TopicConfigChanges.Item> items = new ArrayList<>();
        for (AlterConfigsResource resource : request.data().resources()) {
            items.add(item(resource));
        }
        return TopicConfigChanges.apply(backend, items, request.data().validateOnly()).map(outcomes -> {
            List<AlterConfigsResourceResponse> responses = outcomes.stream().map(o -> new AlterConfigsResourceResponse()
                    .setResourceType(o.item().resourceType()).setResourceName(o.item().resourceName())
                    .setErrorCode(o.error().code()).setErrorMessage(o.message())).toList();
            return new IncrementalAlterConfigsResponseData().setResponses(new ArrayList<>(responses));
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
        List<String> delete = new ArrayList<>();
        for (AlterableConfig config : resource.configs()) {
            AlterConfigOp.OpType op = AlterConfigOp.OpType.forId(config.configOperation());
            if (op == AlterConfigOp.OpType.SET) {
                Optional<String> problem = TopicConfigs.validate(config.name(), config.value());
                if (problem.isPresent()) {
                    return TopicConfigChanges.Item.refused(type, name, Errors.INVALID_CONFIG, problem.get());
                }
                set.put(config.name(), config.value());
            } else if (op == AlterConfigOp.OpType.DELETE) {
                if (!TopicConfigs.defaults().containsKey(config.name())) {
                    return TopicConfigChanges.Item.refused(type, name, Errors.INVALID_CONFIG,
                            "Unknown topic config name: " + config.name());
                }
                delete.add(config.name());
            } else {
                return TopicConfigChanges.Item.refused(type, name, Errors.INVALID_CONFIG,
                        "Operation " + (op == null ? "#" + config.configOperation() : op) + " on " + config.name() + " is not supported: use SET or DELETE");
            }
        }
        return new TopicConfigChanges.Item(type, name, Optional.of(new TopicConfigChange(name, set, delete)),
                Errors.NONE, null);
    }
}
