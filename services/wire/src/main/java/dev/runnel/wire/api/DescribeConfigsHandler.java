package dev.runnel.wire.api;

import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.TopicInfo;
import io.vertx.core.Future;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.message.DescribeConfigsRequestData.DescribeConfigsResource;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResourceResult;
import org.apache.kafka.common.message.DescribeConfigsResponseData.DescribeConfigsResult;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.DescribeConfigsRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DescribeConfigs from the metadata cache. TOPIC: every config Runnel knows, the topic's value or the
 * default with source and type set; unknown topic → UNKNOWN_TOPIC_OR_PARTITION. BROKER and
 * BROKER_LOGGER: an empty list without error (this gateway is not a Kafka broker with broker configs;
 * tools that list them must not fail). Other resource types: INVALID_REQUEST. Synonyms and
 * documentation are not provided.
 */
final class DescribeConfigsHandler implements ApiHandler<DescribeConfigsRequest> {
    private final TopicLookup topics;

    DescribeConfigsHandler(TopicLookup topics) {
        this.topics = topics;
    }

    @Override
    public Future<ApiMessage> handle(RequestContext context, DescribeConfigsRequest request) {
        return topics.metadata().map(metadata -> {
            List<DescribeConfigsResult> results = new ArrayList<>();
            for (DescribeConfigsResource resource : request.data().resources()) {
                results.add(describe(resource, metadata, context.apiVersion()));
            }
            return new DescribeConfigsResponseData().setResults(results);
        });
    }

    private static DescribeConfigsResult describe(DescribeConfigsResource resource, ClusterMetadata metadata,
                                                  short version) {
        DescribeConfigsResult result = new DescribeConfigsResult().setResourceType(resource.resourceType())
                .setResourceName(resource.resourceName()).setConfigs(new ArrayList<>());
        ConfigResource.Type type = ConfigResource.Type.forId(resource.resourceType());
        switch (type) {
            case BROKER, BROKER_LOGGER -> result.setErrorCode(Errors.NONE.code());
            case TOPIC -> {
                Optional<TopicInfo> topic = metadata.topic(resource.resourceName());
                if (topic.isEmpty()) {
                    return result.setErrorCode(Errors.UNKNOWN_TOPIC_OR_PARTITION.code())
                            .setErrorMessage("Topic " + resource.resourceName() + " does not exist");
                }
                List<String> wanted = resource.configurationKeys();
                for (TopicConfigEntries.Entry e : TopicConfigEntries.of(topic.get().configs())) {
                    if (wanted != null && !wanted.isEmpty() && !wanted.contains(e.name())) {
                        continue;
                    }
                    DescribeConfigsResourceResult config = new DescribeConfigsResourceResult().setName(e.name())
                            .setValue(e.value()).setReadOnly(false).setConfigSource(e.source().id())
                            .setIsSensitive(false).setSynonyms(new ArrayList<>());
                    if (version >= 3) {
                        config.setConfigType(e.type().id()).setDocumentation(null);
                    }
                    result.configs().add(config);
                }
            }
            default -> result.setErrorCode(Errors.INVALID_REQUEST.code())
                    .setErrorMessage("Runnel describes TOPIC and BROKER resources only, not " + type);
        }
        return result;
    }
}
