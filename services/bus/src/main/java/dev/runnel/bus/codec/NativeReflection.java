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
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.control.AlterReassignmentsRequest;
import dev.runnel.bus.control.AlterReassignmentsResult;
import dev.runnel.bus.control.ListReassignmentsRequest;
import dev.runnel.bus.control.ListReassignmentsResult;
import dev.runnel.bus.control.OngoingReassignment;
import dev.runnel.bus.control.ReassignmentRequest;
import dev.runnel.bus.control.ReassignmentResult;
import dev.runnel.bus.group.CommittedOffset;
import dev.runnel.bus.group.DeleteGroupsRequest;
import dev.runnel.bus.group.DeleteGroupsResult;
import dev.runnel.bus.group.DescribeGroupsRequest;
import dev.runnel.bus.group.DescribeGroupsResult;
import dev.runnel.bus.group.GroupDescription;
import dev.runnel.bus.group.GroupError;
import dev.runnel.bus.group.GroupErrorResult;
import dev.runnel.bus.group.GroupListing;
import dev.runnel.bus.group.GroupProtocol;
import dev.runnel.bus.group.HeartbeatRequest;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.JoinedMember;
import dev.runnel.bus.group.LeaveGroupRequest;
import dev.runnel.bus.group.LeaveGroupResult;
import dev.runnel.bus.group.LeavingMember;
import dev.runnel.bus.group.LeftMember;
import dev.runnel.bus.group.ListGroupsRequest;
import dev.runnel.bus.group.ListGroupsResult;
import dev.runnel.bus.group.MemberAssignment;
import dev.runnel.bus.group.MemberDescription;
import dev.runnel.bus.group.OffsetCommitRequest;
import dev.runnel.bus.group.OffsetCommitResult;
import dev.runnel.bus.group.OffsetDeleteRequest;
import dev.runnel.bus.group.OffsetDeleteResult;
import dev.runnel.bus.group.OffsetFetchRequest;
import dev.runnel.bus.group.OffsetFetchResult;
import dev.runnel.bus.group.OffsetToCommit;
import dev.runnel.bus.group.PartitionError;
import dev.runnel.bus.group.SyncGroupRequest;
import dev.runnel.bus.group.SyncGroupResult;
import dev.runnel.bus.group.TopicPartitionRef;
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
        ListOffsetsRequest.class, ListOffsetsResponse.class, PartitionTimestamp.class, PartitionOffset.class,
        JoinGroupRequest.class, JoinGroupResult.class, SyncGroupRequest.class, SyncGroupResult.class,
        HeartbeatRequest.class, GroupErrorResult.class, LeaveGroupRequest.class, LeaveGroupResult.class,
        OffsetCommitRequest.class, OffsetCommitResult.class, OffsetFetchRequest.class, OffsetFetchResult.class,
        ListGroupsRequest.class, ListGroupsResult.class, DescribeGroupsRequest.class, DescribeGroupsResult.class,
        DeleteGroupsRequest.class, DeleteGroupsResult.class, OffsetDeleteRequest.class, OffsetDeleteResult.class,
        AlterPartitionRequest.class, AlterPartitionResult.class, GroupProtocol.class, JoinedMember.class,
        MemberAssignment.class, LeavingMember.class, LeftMember.class, OffsetToCommit.class, PartitionError.class,
        TopicPartitionRef.class, CommittedOffset.class, GroupListing.class, GroupDescription.class,
        GroupError.class, MemberDescription.class,
        AlterReassignmentsRequest.class, ReassignmentRequest.class, AlterReassignmentsResult.class, ReassignmentResult.class,
        ListReassignmentsRequest.class, ListReassignmentsResult.class, OngoingReassignment.class})
public final class NativeReflection {
    private NativeReflection() {
    }
}
