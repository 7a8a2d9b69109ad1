package dev.runnel.wire.api;

import dev.runnel.wire.GatewayIdentity;
import dev.runnel.wire.GroupBackend;
import dev.runnel.wire.KafkaBackend;
import dev.runnel.wire.WireSettings;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersionCollection;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AlterConfigsRequest;
import org.apache.kafka.common.requests.AlterPartitionReassignmentsRequest;
import org.apache.kafka.common.requests.ApiVersionsRequest;
import org.apache.kafka.common.requests.CreatePartitionsRequest;
import org.apache.kafka.common.requests.CreateTopicsRequest;
import org.apache.kafka.common.requests.DeleteGroupsRequest;
import org.apache.kafka.common.requests.DeleteTopicsRequest;
import org.apache.kafka.common.requests.DescribeGroupsRequest;
import org.apache.kafka.common.requests.FindCoordinatorRequest;
import org.apache.kafka.common.requests.HeartbeatRequest;
import org.apache.kafka.common.requests.JoinGroupRequest;
import org.apache.kafka.common.requests.LeaveGroupRequest;
import org.apache.kafka.common.requests.ListGroupsRequest;
import org.apache.kafka.common.requests.OffsetCommitRequest;
import org.apache.kafka.common.requests.OffsetDeleteRequest;
import org.apache.kafka.common.requests.OffsetFetchRequest;
import org.apache.kafka.common.requests.SyncGroupRequest;
import org.apache.kafka.common.requests.DescribeClusterRequest;
import org.apache.kafka.common.requests.DescribeConfigsRequest;
import org.apache.kafka.common.requests.FetchRequest;
import org.apache.kafka.common.requests.IncrementalAlterConfigsRequest;
import org.apache.kafka.common.requests.InitProducerIdRequest;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.requests.ListPartitionReassignmentsRequest;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.ProduceRequest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which Kafka APIs this listener answers, in which versions, and by which {@link ApiHandler}.
 *
 * <p>Version ranges are what the handler really implements, capped to what the pinned kafka-clients'
 * message classes can parse. Only {@code advertised} registrations appear in ApiVersions; the others
 * (the KIP-848 consumer-group APIs) still answer a client that sends them anyway, so nothing hangs.
 * Register everything before the server starts: the registry is read concurrently by every event loop
 * afterwards and is not synchronised.
 */
public final class ApiRegistry {

    /**
     * The new consumer-group protocol (KIP-848): not implemented and not advertised, so clients use the classic
     * protocol (their default); a client that sends one anyway gets COORDINATOR_NOT_AVAILABLE, not silence.
     */
    public static final List<ApiKeys> UNSUPPORTED_GROUP_APIS = List.of(ApiKeys.CONSUMER_GROUP_HEARTBEAT,
            ApiKeys.CONSUMER_GROUP_DESCRIBE);

    /** One API's handler and the versions it serves. */
    public record Registration<Q extends AbstractRequest>(ApiKeys apiKey, Class<Q> requestType, short minVersion,
                                                          short maxVersion, boolean advertised,
                                                          ApiHandler<Q> handler) {
        public boolean supports(short version) {
            return version >= minVersion && version <= maxVersion;
        }
    }

    private final Map<ApiKeys, Registration<?>> registrations = new EnumMap<>(ApiKeys.class);

    /**
     * Adds or replaces the handler of {@code apiKey}. {@code maxVersion} is capped to the newest version
     * the pinned kafka-clients knows.
     *
     * @throws IllegalArgumentException when the range is empty after capping
     */
    public <Q extends AbstractRequest> ApiRegistry register(ApiKeys apiKey, Class<Q> requestType, int minVersion,
                                                            int maxVersion, boolean advertised, ApiHandler<Q> handler) {
        short min = (short) Math.max(minVersion, apiKey.oldestVersion());
        short max = (short) Math.min(maxVersion, apiKey.latestVersion());
        if (min > max) {
            throw new IllegalArgumentException(apiKey + ": versions " + minVersion + ".." + maxVersion
                    + " do not overlap kafka-clients' " + apiKey.oldestVersion() + ".." + apiKey.latestVersion());
        }
        registrations.put(apiKey, new Registration<>(apiKey, requestType, min, max, advertised, handler));
        return this;
    }

    public Optional<Registration<?>> lookup(ApiKeys apiKey) {
        return Optional.ofNullable(registrations.get(apiKey));
    }

    /** The ApiVersions list: every advertised API with its range, in API key order. */
    public ApiVersionCollection advertisedVersions() {
        ApiVersionCollection versions = new ApiVersionCollection();
        for (Registration<?> r : registrations.values()) {
            if (r.advertised()) {
                versions.add(new ApiVersion().setApiKey(r.apiKey().id)
                        .setMinVersion(r.minVersion()).setMaxVersion(r.maxVersion()));
            }
        }
        return versions;
    }

    /**
     * The answer to ApiVersions. With UNSUPPORTED_VERSION it is what a client whose ApiVersions version is
     * too new expects (serialised as v0), after which it retries with the highest version we list.
     */
    public ApiVersionsResponseData apiVersionsResponse(Errors error) {
        return new ApiVersionsResponseData().setErrorCode(error.code()).setApiKeys(advertisedVersions())
                .setThrottleTimeMs(0);
    }

    /** Every API Runnel's gateway serves, without a group coordinator (group APIs: COORDINATOR_NOT_AVAILABLE). */
    public static ApiRegistry standard(KafkaBackend backend, GatewayIdentity identity, WireSettings settings) {
        return standard(backend, GroupBackend.unavailable(), identity, settings);
    }

    /** Every API Runnel's gateway serves, consumer groups (classic protocol) through {@code groups}. */
    public static ApiRegistry standard(KafkaBackend backend, GroupBackend groups, GatewayIdentity identity,
                                       WireSettings settings) {
        ApiRegistry registry = new ApiRegistry();
        TopicLookup topics = new TopicLookup(backend);
        registry.register(ApiKeys.API_VERSIONS, ApiVersionsRequest.class, 0, 4, true,
                new ApiVersionsHandler(registry));
        registry.register(ApiKeys.METADATA, MetadataRequest.class, 0, 13, true,
                new MetadataHandler(backend, identity, settings));
        registry.register(ApiKeys.PRODUCE, ProduceRequest.class, 3, 13, true, new ProduceHandler(backend, topics));
        registry.register(ApiKeys.FETCH, FetchRequest.class, 4, 18, true, new FetchHandler(backend, topics));
        registry.register(ApiKeys.LIST_OFFSETS, ListOffsetsRequest.class, 1, 10, true, new ListOffsetsHandler(backend));
        registry.register(ApiKeys.CREATE_TOPICS, CreateTopicsRequest.class, 2, 7, true, new CreateTopicsHandler(backend));
        registry.register(ApiKeys.DELETE_TOPICS, DeleteTopicsRequest.class, 1, 6, true,
                new DeleteTopicsHandler(backend, topics));
        registry.register(ApiKeys.CREATE_PARTITIONS, CreatePartitionsRequest.class, 0, 3, true,
                new CreatePartitionsHandler(backend));
        registry.register(ApiKeys.DESCRIBE_CONFIGS, DescribeConfigsRequest.class, 1, 4, true,
                new DescribeConfigsHandler(topics));
        registry.register(ApiKeys.ALTER_CONFIGS, AlterConfigsRequest.class, 0, 2, true, new AlterConfigsHandler(backend));
        registry.register(ApiKeys.INCREMENTAL_ALTER_CONFIGS, IncrementalAlterConfigsRequest.class, 0, 1, true,
                new IncrementalAlterConfigsHandler(backend));
        registry.register(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, AlterPartitionReassignmentsRequest.class, 0, 1, true,
                new AlterPartitionReassignmentsHandler(backend));
        registry.register(ApiKeys.LIST_PARTITION_REASSIGNMENTS, ListPartitionReassignmentsRequest.class, 0, 0, true,
                new ListPartitionReassignmentsHandler(backend));
        registry.register(ApiKeys.INIT_PRODUCER_ID, InitProducerIdRequest.class, 0, 6, true,
                new InitProducerIdHandler(backend));
        registry.register(ApiKeys.DESCRIBE_CLUSTER, DescribeClusterRequest.class, 0, 2, true,
                new DescribeClusterHandler(identity, settings));
        registry.register(ApiKeys.FIND_COORDINATOR, FindCoordinatorRequest.class, 0, 6, true,
                new FindCoordinatorHandler(identity));
        registry.register(ApiKeys.JOIN_GROUP, JoinGroupRequest.class, 0, 9, true, new JoinGroupHandler(groups));
        registry.register(ApiKeys.SYNC_GROUP, SyncGroupRequest.class, 0, 5, true, new SyncGroupHandler(groups));
        registry.register(ApiKeys.HEARTBEAT, HeartbeatRequest.class, 0, 4, true, new HeartbeatHandler(groups));
        registry.register(ApiKeys.LEAVE_GROUP, LeaveGroupRequest.class, 0, 5, true, new LeaveGroupHandler(groups));
        // v10 of OffsetCommit/OffsetFetch name topics by id only; v9 is what every 4.x client also speaks
        registry.register(ApiKeys.OFFSET_COMMIT, OffsetCommitRequest.class, 2, 9, true,
                new OffsetCommitHandler(topics, groups));
        registry.register(ApiKeys.OFFSET_FETCH, OffsetFetchRequest.class, 1, 9, true, new OffsetFetchHandler(groups));
        registry.register(ApiKeys.LIST_GROUPS, ListGroupsRequest.class, 0, 5, true, new ListGroupsHandler(groups));
        registry.register(ApiKeys.DESCRIBE_GROUPS, DescribeGroupsRequest.class, 0, 5, true, new DescribeGroupsHandler(groups));
        registry.register(ApiKeys.DELETE_GROUPS, DeleteGroupsRequest.class, 0, 2, true, new DeleteGroupsHandler(groups));
        registry.register(ApiKeys.OFFSET_DELETE, OffsetDeleteRequest.class, 0, 0, true, new OffsetDeleteHandler(groups));
        for (ApiKeys groupApi : UNSUPPORTED_GROUP_APIS) {
            registry.register(groupApi, AbstractRequest.class, groupApi.oldestVersion(), groupApi.latestVersion(),
                    false, new CoordinatorUnavailableHandler());
        }
        return registry;
    }
}
