package dev.runnel.bus.codec;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.StoreHeartbeat;
import dev.runnel.bus.control.StoreInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionFetchResult;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bus message survives the trip between JVMs: encoded to the wire and decoded, it is equal. */
class BusCodecsTest {
    private static final Buffer BATCH = Buffer.buffer(new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9});

    @Test
    void dataPlaneMessagesRoundTrip() {
        roundTrip(new ProduceRequest((short) -1, 30_000, List.of(
                new PartitionRecords("orders", 0, 3, BATCH), new PartitionRecords("ördërs", 5, -1, Buffer.buffer()))));
        roundTrip(new ProduceResponse(List.of(
                new PartitionProduceResult("orders", 0, ErrorCode.NONE, null, 42, -1, 0),
                PartitionProduceResult.failed("orders", 1, ErrorCode.MESSAGE_TOO_LARGE, "too large"))));
        roundTrip(new FetchRequest(500, 1, 1 << 20, List.of(new PartitionFetch("orders", 2, 17, 65536, 4))));
        roundTrip(new FetchResponse(List.of(
                new PartitionFetchResult("orders", 2, ErrorCode.NONE, 20, 20, 0, BATCH),
                PartitionFetchResult.failed("orders", 3, ErrorCode.OFFSET_OUT_OF_RANGE))));
    }

    @Test
    void controlMessagesRoundTrip() {
        roundTrip(new ClusterMetadata(7, "cluster-a", List.of(new StoreInfo(1, null, "127.0.0.1:8091")),
                List.of(new TopicInfo("orders", UUID.randomUUID(), Map.of("retention.ms", "1000"),
                        List.of(new PartitionInfo(0, 1, 2, List.of(1, 2), List.of(1)))))));
    }

    @Test
    void aHeartbeatNamesItsEventBusNodeAndOneFromAnOlderStoreDecodesWithoutIt() {
        roundTrip(new StoreHeartbeat(1, "rack-a", "127.0.0.1:8091", 12, "8b0f2c1e-node"));

        @SuppressWarnings("unchecked")
        MessageCodec<StoreHeartbeat, StoreHeartbeat> codec = (MessageCodec<StoreHeartbeat, StoreHeartbeat>) BusCodecs.codecFor(StoreHeartbeat.class);
        byte[] older = "{\"brokerId\":2,\"rack\":null,\"httpAddress\":\"127.0.0.1:8092\",\"metadataVersion\":5}"
                .getBytes(StandardCharsets.UTF_8);
        Buffer wire = Buffer.buffer().appendInt(older.length).appendBytes(older);
        assertThat(codec.decodeFromWire(0, wire)).isEqualTo(new StoreHeartbeat(2, null, "127.0.0.1:8092", 5, null));
    }

    @Test
    void sizedWritesWriteExactlyTheSizeTheyReserve() {
        ProduceRequest produce = new ProduceRequest((short) 1, 100, List.of(new PartitionRecords("t", 0, -1, BATCH)));
        Buffer out = Buffer.buffer().appendString("prefix");
        DataPlaneCodecs.write(out, produce);
        assertThat(out.length() - "prefix".length()).isEqualTo(DataPlaneCodecs.size(produce));

        FetchResponse fetched = new FetchResponse(List.of(new PartitionFetchResult("é", 1, ErrorCode.NONE, 1, 1, 0, BATCH)));
        Buffer fetchOut = Buffer.buffer();
        DataPlaneCodecs.write(fetchOut, fetched);
        assertThat(fetchOut.length()).isEqualTo(DataPlaneCodecs.size(fetched));
    }

    @SuppressWarnings("unchecked")
    private static <T> void roundTrip(T message) {
        MessageCodec<T, T> codec = (MessageCodec<T, T>) BusCodecs.codecFor(message.getClass());
        Buffer wire = Buffer.buffer().appendString("header");
        codec.encodeToWire(wire, message);
        assertThat(codec.decodeFromWire("header".length(), wire)).isEqualTo(message);
    }
}
