package dev.runnel.bus.codec;

import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsResult;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.HeartbeatAck;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.MetadataRequest;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.TopicResults;
import dev.runnel.bus.group.DeleteGroupsRequest;
import dev.runnel.bus.group.DeleteGroupsResult;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.DescribeGroupsResult;
import dev.runnel.bus.group.GroupErrorResult;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.LeaveGroupRequest;
import dev.runnel.bus.group.LeaveGroupResult;
import dev.runnel.bus.group.ListGroupsRequest;
import dev.runnel.bus.group.ListGroupsResult;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetCommitResult;
import dev.runnel.bus.group.OffsetDeleteRequest;
import dev.runnel.bus.group.OffsetDeleteResult;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetFetchResult;
import dev.runnel.bus.group.SyncGroupRequest;
import dev.runnel.bus.group.SyncGroupResult;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;

import java.util.List;

/**
 * Registers a default codec for every message record of the bus contract, so services send records
 * directly ({@code eventBus.request(address, record)}). Every service calls {@link #registerAll} once
 * at start-up, before it sends or consumes.
 */
public final class BusCodecs {
    private BusCodecs() {
    }

    /** Control-plane records, carried as JSON. Add new control records here. */
    static final List<Class<?>> CONTROL_RECORDS = List.of(
            MetadataRequest.class, ClusterMetadata.class,
            CreateTopicsRequest.class, DeleteTopicsRequest.class, CreatePartitionsRequest.class,
            AlterConfigsRequest.class, TopicResults.class,
            InitProducerIdRequest.class, ProducerIdResult.class,
            StoreHeartbeat.class, HeartbeatAck.class,
            ListOffsetsRequest.class, ListOffsetsResponse.class,
            JoinGroupRequest.class, JoinGroupResult.class, SyncGroupRequest.class, SyncGroupResult.class,
            HeartbeatRequest.class, GroupErrorResult.class, LeaveGroupRequest.class, LeaveGroupResult.class,
            OffsetCommitRequest.class, OffsetCommitResult.class, OffsetFetchRequest.class, OffsetFetchResult.class,
            ListGroupsRequest.class, ListGroupsResult.class, DescribeGroupsRequest.class, DescribeGroupsResult.class,
            DeleteGroupsRequest.class, DeleteGroupsResult.class, OffsetDeleteRequest.class, OffsetDeleteResult.class,
            AlterPartitionRequest.class, AlterPartitionResult.class,
            AlterReassignmentsRequest.class, AlterReassignmentsResult.class,
            ListReassignmentsRequest.class, ListReassignmentsResult.class);

    public static void registerAll(EventBus eventBus) {
        DataPlaneCodecs.all().forEach(registration -> register(eventBus, registration));
        for (Class<?> type : CONTROL_RECORDS) {
            register(eventBus, json(type));
        }
    }

    /** The codec {@link #registerAll} installs for {@code type}; for tests. */
    static MessageCodec<?, ?> codecFor(Class<?> type) {
        return DataPlaneCodecs.all().stream().filter(r -> r.type() == type).findFirst()
                .<MessageCodec<?, ?>>map(CodecRegistration::codec)
                .orElseGet(() -> new JsonRecordCodec<>(type));
    }

    private static <T> CodecRegistration<T> json(Class<T> type) {
        return new CodecRegistration<>(type, new JsonRecordCodec<>(type));
    }

    private static <T> void register(EventBus eventBus, CodecRegistration<T> registration) {
        try {
            eventBus.registerDefaultCodec(registration.type(), registration.codec());
        } catch (IllegalStateException alreadyRegistered) {
            // a second call in the same JVM (tests run several services in one) is harmless
        }
    }
}
