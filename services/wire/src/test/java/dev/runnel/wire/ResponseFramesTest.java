package dev.runnel.wire;

import dev.runnel.wire.bench.CopyingResponseFrames;
import dev.runnel.wire.bench.FetchResponses;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFramesTest {

    @Test
    void bytesWrittenEqualTheComputedSizeInEveryVersionAndParseBack() {
        MetadataResponseData metadata = new MetadataResponseData().setClusterId("c").setControllerId(1);
        metadata.brokers().add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("h").setPort(9092));
        metadata.topics().add(new MetadataResponseData.MetadataResponseTopic().setName("t").setTopicId(Uuid.randomUuid())
                .setPartitions(List.of(new MetadataResponseData.MetadataResponsePartition().setPartitionIndex(0)
                        .setLeaderId(1).setReplicaNodes(List.of(1)).setIsrNodes(List.of(1)))));
        for (short v = 0; v <= ApiKeys.METADATA.latestVersion(); v++) {
            MetadataResponseData copy = metadata.duplicate();
            if (v < 10) {
                copy.topics().iterator().next().setTopicId(Uuid.ZERO_UUID);
            }
            assertFrame(ApiKeys.METADATA, v, copy);
        }
        MemoryRecords records = MemoryRecords.withRecords(Compression.NONE, new SimpleRecord("a".getBytes()),
                new SimpleRecord("b".getBytes()));
        for (short v = 4; v <= ApiKeys.FETCH.latestVersion(); v++) {
            FetchResponseData fetch = new FetchResponseData().setResponses(List.of(new FetchResponseData.FetchableTopicResponse()
                    .setTopic(v < 13 ? "t" : "").setTopicId(v >= 13 ? Uuid.randomUuid() : Uuid.ZERO_UUID)
                    .setPartitions(List.of(new FetchResponseData.PartitionData().setPartitionIndex(0).setHighWatermark(2)
                            .setRecords(records)))));
            assertFrame(ApiKeys.FETCH, v, fetch);
        }
        // ApiVersions always answers with header v0, even when the request was flexible
        ApiVersionsResponseData apiVersions = new ApiVersionsResponseData();
        apiVersions.apiKeys().add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) 0).setMaxVersion((short) 13));
        for (short v = 0; v <= ApiKeys.API_VERSIONS.latestVersion(); v++) {
            assertFrame(ApiKeys.API_VERSIONS, v, apiVersions);
        }
    }

    @Test
    void segmentedFetchFramesEqualTheCopiedFramesAndParseBackToTheSameResponse() {
        Uuid topicId = Uuid.randomUuid();
        List<List<MemoryRecords>> shapes = List.of(
                // large batches, one below the zero-copy threshold, one partition without records
                List.of(FetchResponses.records(64, 4096), FetchResponses.records(2, 100), MemoryRecords.EMPTY,
                        FetchResponses.records(16, 16_384)),
                // no records at all
                List.of(MemoryRecords.EMPTY, MemoryRecords.EMPTY),
                List.of());
        for (List<MemoryRecords> partitions : shapes) {
            for (short v = 4; v <= ApiKeys.FETCH.latestVersion(); v++) {
                FetchResponseData fetch = FetchResponses.fetch(v, topicId, partitions);
                ByteBuffer copied = CopyingResponseFrames.encode(ApiKeys.FETCH, v, 77, fetch);
                ByteBuffer segmented = ByteBuffer.wrap(ResponseFrames.encode(ApiKeys.FETCH, v, 77, fetch).getBytes());

                assertThat(segmented).as("Fetch v%d with %d partitions", v, partitions.size()).isEqualTo(copied);
                ByteBuffer payload = segmented.position(4);
                assertThat(ResponseHeader.parse(payload, ApiKeys.FETCH.responseHeaderVersion(v)).correlationId()).isEqualTo(77);
                AbstractResponse parsed = AbstractResponse.parseResponse(ApiKeys.FETCH, new ByteBufferAccessor(payload), v);
                assertThat(payload.remaining()).isZero();
                assertThat(parsed.data()).as("Fetch v%d parsed back", v).isEqualTo(fetch);
            }
        }
    }

    @Test
    void largeRecordBatchesAreSharedNotCopiedAndSmallOnesAreCopied() {
        MemoryRecords large = FetchResponses.records(8, 1024);
        MemoryRecords small = FetchResponses.records(1, 10);
        assertThat(large.sizeInBytes()).isGreaterThanOrEqualTo(SegmentedFrameWriter.MIN_ZERO_COPY_BYTES);
        assertThat(small.sizeInBytes()).isLessThan(SegmentedFrameWriter.MIN_ZERO_COPY_BYTES);
        FetchResponseData fetch = FetchResponses.fetch((short) 12, Uuid.ZERO_UUID, List.of(large, small));
        Buffer frame = ResponseFrames.encode(ApiKeys.FETCH, (short) 12, 1, fetch);
        int largeAt = indexOf(frame, large.buffer());
        int smallAt = indexOf(frame, small.buffer());

        large.buffer().put(large.sizeInBytes() - 1, (byte) 0x5A);
        small.buffer().put(small.sizeInBytes() - 1, (byte) 0x5A);

        assertThat(frame.getByte(largeAt + large.sizeInBytes() - 1)).as("last byte of the large batch in the frame")
                .isEqualTo((byte) 0x5A);
        assertThat(frame.getByte(smallAt + small.sizeInBytes() - 1)).as("last byte of the small batch in the frame")
                .isNotEqualTo((byte) 0x5A);
    }

    private static int indexOf(Buffer frame, ByteBuffer part) {
        byte[] bytes = frame.getBytes();
        byte[] wanted = new byte[part.remaining()];
        part.duplicate().get(wanted);
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new AssertionError("batch of " + wanted.length + " bytes not in the frame");
    }

    private static void assertFrame(ApiKeys apiKey, short version, ApiMessage body) {
        ByteBuffer frame = ResponseFrames.encode(apiKey, version, 1234, body).getByteBuf().nioBuffer();
        short headerVersion = apiKey.responseHeaderVersion(version);
        ObjectSerializationCache cache = new ObjectSerializationCache();
        int computed = new ResponseHeaderData().setCorrelationId(1234).size(cache, headerVersion) + body.size(cache, version);

        assertThat(frame.remaining()).as("%s v%d frame length", apiKey, version).isEqualTo(4 + computed);
        assertThat(frame.getInt(0)).as("%s v%d size prefix", apiKey, version).isEqualTo(computed);

        ByteBuffer payload = frame.duplicate().position(4);
        assertThat(ResponseHeader.parse(payload, headerVersion).correlationId()).isEqualTo(1234);
        AbstractResponse parsed = AbstractResponse.parseResponse(apiKey, new ByteBufferAccessor(payload), version);
        assertThat(payload.remaining()).as("%s v%d trailing bytes", apiKey, version).isZero();
        assertThat(parsed.data().apiKey()).isEqualTo(apiKey.id);
    }
}
