package dev.runnel.wire;

import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignablePartition;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData.ReassignableTopic;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData.ListPartitionReassignmentsTopics;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.requests.AlterPartitionReassignmentsResponse;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.ListPartitionReassignmentsResponse;
import org.apache.kafka.common.requests.ListOffsetsResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every version we advertise for the data-path APIs answers with a well-formed response carrying real
 * values. Older clients (librdkafka, kafkajs) use old versions, where a field set outside its version
 * range makes the response unencodable — the connection would be closed instead.
 */
class EveryVersionTest {
    private static WireTestSupport.Running running;

    @BeforeAll
    static void start() throws Exception {
        running = WireTestSupport.start(s -> s);
        running.backend().createTopic("events", 1);
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.PRODUCE, (short) 9, 1, produce()));
            socket.read(ApiKeys.PRODUCE, (short) 9);
        }
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @ParameterizedTest
    @ValueSource(shorts = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void produce(short version) throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.PRODUCE, version, 2, produce()));
            ProduceResponse response = (ProduceResponse) socket.read(ApiKeys.PRODUCE, version).body();
            var partition = response.data().responses().iterator().next().partitionResponses().get(0);
            assertThat(partition.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(partition.baseOffset()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void listOffsets(short version) throws Exception {
        ListOffsetsRequestData request = new ListOffsetsRequestData().setReplicaId(-1).setTopics(List.of(
                new ListOffsetsTopic().setName("events").setPartitions(List.of(
                        new ListOffsetsPartition().setPartitionIndex(0).setTimestamp(-1)))));
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.LIST_OFFSETS, version, 3, request));
            ListOffsetsResponse response = (ListOffsetsResponse) socket.read(ApiKeys.LIST_OFFSETS, version).body();
            var partition = response.data().topics().get(0).partitions().get(0);
            assertThat(partition.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(partition.offset()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {4, 5, 6, 7, 8, 9, 10, 11, 12})
    void fetch(short version) throws Exception {
        FetchRequestData request = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setMinBytes(1)
                .setMaxBytes(1 << 20).setTopics(List.of(new FetchRequestData.FetchTopic().setTopic("events")
                        .setPartitions(List.of(new FetchRequestData.FetchPartition().setPartition(0)
                                .setFetchOffset(0).setPartitionMaxBytes(1 << 20)))));
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.FETCH, version, 4, request));
            FetchResponse response = (FetchResponse) socket.read(ApiKeys.FETCH, version).body();
            var partition = response.data().responses().get(0).partitions().get(0);
            assertThat(partition.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(partition.highWatermark()).isPositive();
            assertThat(FetchResponse.recordsSize(partition)).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void metadata(short version) throws Exception {
        MetadataRequestData request = new MetadataRequestData().setTopics(List.of(new MetadataRequestTopic().setName("events")));
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.METADATA, version, 5, request));
            MetadataResponse response = (MetadataResponse) socket.read(ApiKeys.METADATA, version).body();
            assertThat(response.errors()).isEmpty();
            assertThat(response.data().topics().find("events").partitions()).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {0, 1})
    void alterPartitionReassignments(short version) throws Exception {
        AlterPartitionReassignmentsRequestData request = new AlterPartitionReassignmentsRequestData().setTopics(List.of(
                new ReassignableTopic().setName("events").setPartitions(List.of(
                        new ReassignablePartition().setPartitionIndex(0).setReplicas(List.of(8)),
                        new ReassignablePartition().setPartitionIndex(3).setReplicas(List.of(8))))));
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, version, 6, request));
            var response = ((AlterPartitionReassignmentsResponse) socket.read(ApiKeys.ALTER_PARTITION_REASSIGNMENTS, version).body()).data();
            assertThat(response.errorCode()).isEqualTo(Errors.NONE.code());
            var partitions = response.responses().get(0).partitions();
            assertThat(partitions.get(0).errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(partitions.get(1).partitionIndex()).isEqualTo(3);
            assertThat(partitions.get(1).errorCode()).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION.code());
            assertThat(partitions.get(1).errorMessage()).contains("events-3");
        }
    }

    @ParameterizedTest
    @ValueSource(shorts = {0})
    void listPartitionReassignments(short version) throws Exception {
        alterPartitionReassignments((short) 0); // a move of events-0 to store 8 that runs until cancelled
        ListPartitionReassignmentsRequestData request = new ListPartitionReassignmentsRequestData().setTopics(List.of(
                new ListPartitionReassignmentsTopics().setName("events").setPartitionIndexes(List.of(0))));
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(RawKafkaSocket.frame(ApiKeys.LIST_PARTITION_REASSIGNMENTS, version, 7, request));
            var response = ((ListPartitionReassignmentsResponse) socket.read(ApiKeys.LIST_PARTITION_REASSIGNMENTS, version).body()).data();
            assertThat(response.errorCode()).isEqualTo(Errors.NONE.code());
            var partition = response.topics().get(0).partitions().get(0);
            assertThat(partition.partitionIndex()).isZero();
            assertThat(partition.replicas()).containsExactly(8, InMemoryBackend.STORE);
            assertThat(partition.addingReplicas()).containsExactly(8);
            assertThat(partition.removingReplicas()).containsExactly(InMemoryBackend.STORE);
        }
    }

    private static ProduceRequestData produce() {
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8)));
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName("events").setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
        return new ProduceRequestData().setAcks((short) 1).setTimeoutMs(5000).setTopicData(topics);
    }
}
