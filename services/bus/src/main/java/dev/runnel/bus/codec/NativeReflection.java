package dev.runnel.bus.codec;

import dev.runnel.bus.control.AlterConfigsRequest;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.CreatePartitionsRequest;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.CreateTopicsRequest;
import dev.runnel.bus.control.DeleteTopicsRequest;
import dev.runnel.bus.control.HeartbeatAck;
import dev.runnel.bus.control.InitProducerIdRequest;
import dev.runnel.bus.control.ListOffsetsRequest;
import dev.runnel.bus.control.ListOffsetsResponse;
import dev.runnel.bus.control.MetadataRequest;
import dev.runnel.bus.control.NewPartitions;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.PartitionOffset;
import dev.runnel.bus.control.PartitionTimestamp;
import dev.runnel.bus.control.ProducerIdResult;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.control.TopicResult;
import dev.runnel.bus.control.TopicResults;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native images: the control-plane records travel as JSON (Jackson, {@link JsonRecordCodec}), which reads
 * their constructors and accessors reflectively — every record in {@link BusCodecs#CONTROL_RECORDS} and every
 * record reachable through their components is registered here. {@code NativeReflectionTest} fails when a
 * new control record is missing. (The data plane uses hand-written binary codecs: nothing to register.)
 * The bus jar is a bean archive, so every service's Quarkus build sees this annotation.
 */
@RegisterForReflection(targets = {
        MetadataRequest.class, ClusterMetadata.class, StoreInfo.class, TopicInfo.class, PartitionInfo.class,
        CreateTopicsRequest.class, CreateTopicRequest.class, DeleteTopicsRequest.class,
        CreatePartitionsRequest.class, NewPartitions.class,
        AlterConfigsRequest.class, AlterConfigsRequest.TopicConfigChange.class,
        TopicResults.class, TopicResult.class,
        InitProducerIdRequest.class, ProducerIdResult.class,
        StoreHeartbeat.class, HeartbeatAck.class,
        ListOffsetsRequest.class, ListOffsetsResponse.class, PartitionTimestamp.class, PartitionOffset.class})
public final class NativeReflection {
    private NativeReflection() {
    }
}
