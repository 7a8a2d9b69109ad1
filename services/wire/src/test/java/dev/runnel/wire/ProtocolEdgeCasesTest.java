package dev.runnel.wire;

import io.vertx.core.Promise;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.FetchRequestData;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataRequestData.MetadataRequestTopic;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.requests.ApiVersionsResponse;
import org.apache.kafka.common.requests.DeleteRecordsResponse;
import org.apache.kafka.common.requests.FetchResponse;
import org.apache.kafka.common.requests.FindCoordinatorResponse;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.requests.ProduceResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-built frames over raw sockets: framing errors, ordering, silence for acks=0, error paths. */
class ProtocolEdgeCasesTest {
    private static final short API_VERSIONS_V3 = 3;
    private static WireTestSupport.Running running;

    @BeforeAll
    static void start() {
        // two in flight per connection, so the pipelining test also crosses pause/resume
        running = WireTestSupport.start(s -> s.withMaxInFlightPerConnection(2));
        running.backend().createTopic("events", 1);
        running.backend().createTopic("slow", 1);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void garbageSizeClosesThatConnectionAndOthersKeepWorking() throws Exception {
        try (RawKafkaSocket bad = new RawKafkaSocket(running.port());
             RawKafkaSocket good = new RawKafkaSocket(running.port())) {
            bad.send(new byte[]{(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 1, 2, 3});
            assertThat(bad.closedByServer()).isTrue();

            good.send(apiVersions(7));
            RawKafkaSocket.Response response = good.read(ApiKeys.API_VERSIONS, API_VERSIONS_V3);
            assertThat(response.correlationId()).isEqualTo(7);
            ApiVersionsResponseData data = ((ApiVersionsResponse) response.body()).data();
            assertThat(data.errorCode()).isEqualTo(Errors.NONE.code());
            assertThat(data.apiKeys().find(ApiKeys.PRODUCE.id).maxVersion()).isEqualTo((short) 13);
            assertThat(data.apiKeys().find(ApiKeys.FIND_COORDINATOR.id).maxVersion()).isEqualTo((short) 6);
            assertThat(data.apiKeys().find(ApiKeys.CONSUMER_GROUP_HEARTBEAT.id)).as("KIP-848 is not advertised").isNull();
        }
    }

    @Test
    void oversizedFrameIsRefusedBeforeItsBodyArrives() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(ByteBuffer.allocate(4).putInt(WireSettings.DEFAULT_MAX_FRAME_BYTES + 1).array());
            assertThat(socket.closedByServer()).isTrue();
        }
    }

    @Test
    void unknownApiKeyClosesTheConnection() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            ByteBuffer frame = ByteBuffer.allocate(4 + 10).putInt(10).putShort((short) 999).putShort((short) 0)
                    .putInt(5).putShort((short) -1);
            socket.send(frame.array());
            assertThat(socket.closedByServer()).isTrue();
        }
    }

    @Test
    void apiVersionsTooNewGetsUnsupportedVersionWithOurListInV0() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            // header v2: api key, version 99, correlation id, client id (nullable string), no tagged fields
            ByteBuffer frame = ByteBuffer.allocate(4 + 12).putInt(12).putShort(ApiKeys.API_VERSIONS.id).putShort((short) 99)
                    .putInt(42).putShort((short) -1).put((byte) 0).put((byte) 0);
            socket.send(frame.array());
            RawKafkaSocket.Response response = socket.read(ApiKeys.API_VERSIONS, (short) 0);
            assertThat(response.correlationId()).isEqualTo(42);
            ApiVersionsResponseData data = ((ApiVersionsResponse) response.body()).data();
            assertThat(data.errorCode()).isEqualTo(Errors.UNSUPPORTED_VERSION.code());
            assertThat(data.apiKeys().find(ApiKeys.API_VERSIONS.id).maxVersion()).isEqualTo((short) 4);
        }
    }

    @Test
    void pipelinedResponsesComeBackInRequestOrderEvenWhenTheFirstIsSlowest() throws Exception {
        Promise<Void> gate = Promise.promise();
        running.backend().holdProduces(gate.future());
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            int producesBefore = running.backend().produceCalls.get();
            int metadataBefore = running.backend().metadataCalls.get();
            socket.send(produce(1, "slow", (short) 1), metadata(2, "events"), apiVersions(3));
            waitUntil(() -> running.backend().produceCalls.get() > producesBefore
                    && running.backend().metadataCalls.get() > metadataBefore);
            Thread.sleep(200); // let the metadata answer be encoded and queued behind the produce
            gate.complete();

            RawKafkaSocket.Response first = socket.read(ApiKeys.PRODUCE, (short) 9);
            RawKafkaSocket.Response second = socket.read(ApiKeys.METADATA, (short) 12);
            RawKafkaSocket.Response third = socket.read(ApiKeys.API_VERSIONS, API_VERSIONS_V3);
            assertThat(List.of(first.correlationId(), second.correlationId(), third.correlationId()))
                    .containsExactly(1, 2, 3);
            assertThat(((ProduceResponse) first.body()).data().responses().iterator().next()
                    .partitionResponses().get(0).errorCode()).isEqualTo(Errors.NONE.code());
        } finally {
            running.backend().holdProduces(io.vertx.core.Future.succeededFuture());
        }
    }

    @Test
    void acksZeroProduceIsAppendedButNeverAnswered() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            int before = running.backend().produceCalls.get();
            socket.send(produce(10, "events", (short) 0), apiVersions(11));
            RawKafkaSocket.Response response = socket.read(ApiKeys.API_VERSIONS, API_VERSIONS_V3);
            assertThat(response.correlationId()).isEqualTo(11);
            waitUntil(() -> running.backend().produceCalls.get() > before);
        }
    }

    @Test
    void invalidAcksAndUnknownTopicIdsAreAnsweredPerPartition() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            socket.send(produce(20, "events", (short) 2));
            ProduceResponse invalidAcks = (ProduceResponse) socket.read(ApiKeys.PRODUCE, (short) 9).body();
            assertThat(invalidAcks.data().responses().iterator().next().partitionResponses().get(0).errorCode())
                    .isEqualTo(Errors.INVALID_REQUIRED_ACKS.code());

            ProduceRequestData byId = produceData(null, (short) 1);
            byId.topicData().iterator().next().setName("").setTopicId(Uuid.randomUuid());
            socket.send(RawKafkaSocket.frame(ApiKeys.PRODUCE, (short) 13, 21, byId));
            ProduceResponse unknownId = (ProduceResponse) socket.read(ApiKeys.PRODUCE, (short) 13).body();
            assertThat(unknownId.data().responses().iterator().next().partitionResponses().get(0).errorCode())
                    .isEqualTo(Errors.UNKNOWN_TOPIC_ID.code());
        }
    }

    @Test
    void metadataAnswersUnknownAndInvalidTopicsPerTopic() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            MetadataRequestData request = new MetadataRequestData().setAllowAutoTopicCreation(true).setTopics(List.of(
                    new MetadataRequestTopic().setName("events"),
                    new MetadataRequestTopic().setName("missing"),
                    new MetadataRequestTopic().setName("bad/name")));
            socket.send(RawKafkaSocket.frame(ApiKeys.METADATA, (short) 12, 30, request));
            MetadataResponse response = (MetadataResponse) socket.read(ApiKeys.METADATA, (short) 12).body();
            assertThat(response.errors()).containsEntry("missing", Errors.UNKNOWN_TOPIC_OR_PARTITION)
                    .containsEntry("bad/name", Errors.INVALID_TOPIC_EXCEPTION).doesNotContainKey("events");
            assertThat(response.data().topics().find("events").partitions().get(0).leaderId())
                    .as("the gateway leads every partition").isEqualTo(WireTestSupport.NODE_ID);
            assertThat(response.data().topics().find("events").topicId()).isNotEqualTo(Uuid.ZERO_UUID);
        }
    }

    @Test
    void theGatewayCoordinatesEveryGroupButNoTransactions() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            FindCoordinatorRequestData request = new FindCoordinatorRequestData().setKeyType((byte) 0)
                    .setCoordinatorKeys(List.of("group-a", "group-b"));
            socket.send(RawKafkaSocket.frame(ApiKeys.FIND_COORDINATOR, (short) 4, 40, request));
            FindCoordinatorResponse response = (FindCoordinatorResponse) socket.read(ApiKeys.FIND_COORDINATOR, (short) 4).body();
            assertThat(response.data().coordinators()).hasSize(2).allSatisfy(c -> {
                assertThat(c.errorCode()).isEqualTo(Errors.NONE.code());
                assertThat(c.nodeId()).isEqualTo(WireTestSupport.NODE_ID);
                assertThat(c.port()).isEqualTo(running.port());
            });
            FindCoordinatorRequestData transactional = new FindCoordinatorRequestData().setKeyType((byte) 1).setKey("tx-1");
            socket.send(RawKafkaSocket.frame(ApiKeys.FIND_COORDINATOR, (short) 3, 41, transactional));
            FindCoordinatorResponse refused = (FindCoordinatorResponse) socket.read(ApiKeys.FIND_COORDINATOR, (short) 3).body();
            assertThat(refused.data().errorCode()).isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code());
        }
    }

    @Test
    void knownButUnservedApiGetsUnsupportedVersion() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            DeleteRecordsRequestData request = new DeleteRecordsRequestData().setTimeoutMs(1000);
            socket.send(RawKafkaSocket.frame(ApiKeys.DELETE_RECORDS, (short) 2, 50, request), apiVersions(51));
            RawKafkaSocket.Response response = socket.read(ApiKeys.DELETE_RECORDS, (short) 2);
            assertThat(response.correlationId()).isEqualTo(50);
            assertThat(((DeleteRecordsResponse) response.body()).throttleTimeMs()).isZero();
            assertThat(socket.read(ApiKeys.API_VERSIONS, API_VERSIONS_V3).correlationId()).isEqualTo(51);
        }
    }

    @Test
    void fetchSessionsAreNotKept() throws Exception {
        try (RawKafkaSocket socket = new RawKafkaSocket(running.port())) {
            FetchRequestData request = new FetchRequestData().setReplicaId(-1).setMaxWaitMs(0).setSessionId(77)
                    .setSessionEpoch(3);
            socket.send(RawKafkaSocket.frame(ApiKeys.FETCH, (short) 12, 60, request));
            FetchResponse response = (FetchResponse) socket.read(ApiKeys.FETCH, (short) 12).body();
            assertThat(response.error()).isEqualTo(Errors.FETCH_SESSION_ID_NOT_FOUND);
            assertThat(response.sessionId()).isZero();
        }
    }

    private static byte[] apiVersions(int correlationId) {
        return RawKafkaSocket.frame(ApiKeys.API_VERSIONS, API_VERSIONS_V3, correlationId, new ApiVersionsRequestData()
                .setClientSoftwareName("raw-test").setClientSoftwareVersion("1"));
    }

    private static byte[] metadata(int correlationId, String topic) {
        return RawKafkaSocket.frame(ApiKeys.METADATA, (short) 12, correlationId, new MetadataRequestData()
                .setTopics(List.of(new MetadataRequestTopic().setName(topic))));
    }

    private static byte[] produce(int correlationId, String topic, short acks) {
        return RawKafkaSocket.frame(ApiKeys.PRODUCE, (short) 9, correlationId, produceData(topic, acks));
    }

    private static ProduceRequestData produceData(String topic, short acks) {
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE,
                new SimpleRecord("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8)));
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName(topic == null ? "" : topic).setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(0).setRecords(records))));
        return new ProduceRequestData().setAcks(acks).setTimeoutMs(5000).setTopicData(topics);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
