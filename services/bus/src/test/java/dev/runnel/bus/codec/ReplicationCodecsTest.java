package dev.runnel.bus.codec;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.control.AlterPartitionRequest;
import dev.runnel.bus.control.AlterPartitionResult;
import dev.runnel.bus.control.ClusterMetadata;
import dev.runnel.bus.control.PartitionInfo;
import dev.runnel.bus.control.TopicInfo;
import dev.runnel.bus.data.ReplicaFetchRequest;
import dev.runnel.bus.data.ReplicaFetchResponse;
import dev.runnel.bus.data.ReplicaPartitionData;
import dev.runnel.bus.data.ReplicaPartitionFetch;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The replication messages survive the trip across JVMs: what is encoded is what is decoded. */
class ReplicationCodecsTest {

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        MessageCodec<T, T> codec = (MessageCodec<T, T>) DataPlaneCodecs.all().stream()
                .filter(r -> r.type() == value.getClass()).findFirst()
                .map(r -> (MessageCodec<T, T>) r.codec())
                .orElseGet(() -> new JsonRecordCodec<>((Class<T>) value.getClass()));
        Buffer wire = Buffer.buffer().appendString("prefix");
        codec.encodeToWire(wire, value);
        return codec.decodeFromWire("prefix".length(), wire);
    }

    @Test
    void replicaFetchRequestRoundTrips() {
        ReplicaFetchRequest request = new ReplicaFetchRequest(3, 500, 1, 1 << 20,
                List.of(new ReplicaPartitionFetch("orders", 2, 1234, 7, 8, 65536), new ReplicaPartitionFetch("é", 0, 0, -1, 0, 1)));
        assertThat(roundTrip(request)).isEqualTo(request);
    }

    @Test
    void replicaFetchResponseCarriesRecordBytesAndDivergence() {
        ReplicaPartitionData data = new ReplicaPartitionData("orders", 2, ErrorCode.NONE, 100, 5, 120, -1, -1,
                Buffer.buffer(new byte[] {1, 2, 3, 4}));
        ReplicaPartitionData diverged = new ReplicaPartitionData("orders", 3, ErrorCode.NONE, 100, 0, 120, 4, 90, Buffer.buffer());
        ReplicaFetchResponse decoded = roundTrip(new ReplicaFetchResponse(List.of(data, diverged,
                ReplicaPartitionData.failed("x", 0, ErrorCode.FENCED_LEADER_EPOCH))));
        assertThat(decoded.partitions().get(0).records().getBytes()).containsExactly(1, 2, 3, 4);
        assertThat(decoded.partitions().get(0).diverged()).isFalse();
        assertThat(decoded.partitions().get(1)).extracting(ReplicaPartitionData::divergingEpoch, ReplicaPartitionData::divergingEndOffset)
                .containsExactly(4, 90L);
        assertThat(decoded.partitions().get(1).diverged()).isTrue();
        assertThat(decoded.partitions().get(2).error()).isEqualTo(ErrorCode.FENCED_LEADER_EPOCH);
    }

    @Test
    void alterPartitionAndPartitionEpochRoundTrip() {
        AlterPartitionRequest request = new AlterPartitionRequest(1, "orders", 0, 4, 9, List.of(1, 2));
        assertThat(roundTrip(request)).isEqualTo(request);
        PartitionInfo info = new PartitionInfo(0, 1, 4, List.of(1, 2, 3), List.of(1, 2), 10);
        AlterPartitionResult result = new AlterPartitionResult(ErrorCode.INVALID_UPDATE_VERSION, "stale", info);
        assertThat(roundTrip(result)).isEqualTo(result);
        ClusterMetadata metadata = new ClusterMetadata(7, "c", List.of(),
                List.of(new TopicInfo("orders", UUID.randomUUID(), Map.of(), List.of(info))));
        assertThat(roundTrip(metadata).topics().get(0).partitions().get(0).partitionEpoch()).isEqualTo(10);
    }
}
