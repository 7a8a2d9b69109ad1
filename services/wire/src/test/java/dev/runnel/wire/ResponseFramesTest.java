package dev.runnel.wire;

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
