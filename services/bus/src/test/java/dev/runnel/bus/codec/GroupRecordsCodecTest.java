package dev.runnel.bus.codec;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.group.GroupProtocol;
import dev.runnel.bus.group.JoinGroupRequest;
import dev.runnel.bus.group.JoinGroupResult;
import dev.runnel.bus.group.JoinedMember;
import dev.runnel.bus.group.OffsetFetchRequest;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Group records cross the cluster as JSON: opaque bytes, absent (null) fields and error codes survive. */
class GroupRecordsCodecTest {

    private static <T> T roundTrip(Class<T> type, T value) {
        JsonRecordCodec<T> codec = new JsonRecordCodec<>(type);
        Buffer buffer = Buffer.buffer();
        codec.encodeToWire(buffer, value);
        return codec.decodeFromWire(0, buffer);
    }

    @Test
    void joinRequestKeepsProtocolBytesAndAnAbsentInstanceId() {
        byte[] metadata = {0, 3, (byte) 0xFF, 0, 42};
        JoinGroupRequest join = new JoinGroupRequest("g", "", null, "consumer", List.of(new GroupProtocol("range", metadata)),
                10_000, 60_000, "client-1", "/127.0.0.1", true, List.of("orders"));
        JoinGroupRequest decoded = roundTrip(JoinGroupRequest.class, join);
        assertThat(decoded.staticInstanceId()).isEmpty();
        assertThat(decoded.protocols().get(0).metadata()).containsExactly(metadata);
        assertThat(decoded.requireKnownMemberId()).isTrue();
        assertThat(decoded.subscribedTopics()).containsExactly("orders");
    }

    @Test
    void joinResultKeepsErrorsAndMembers() {
        JoinGroupResult result = new JoinGroupResult(ErrorCode.MEMBER_ID_REQUIRED, 3, "consumer", "range", "m-1", true, "m-2",
                List.of(new JoinedMember("m-1", "instance-1", "x".getBytes(StandardCharsets.UTF_8))));
        JoinGroupResult decoded = roundTrip(JoinGroupResult.class, result);
        assertThat(decoded.error()).isEqualTo(ErrorCode.MEMBER_ID_REQUIRED);
        assertThat(decoded.members().get(0).groupInstanceId()).isEqualTo("instance-1");
        assertThat(new String(decoded.members().get(0).metadata(), StandardCharsets.UTF_8)).isEqualTo("x");
        assertThat(decoded.skipAssignment()).isTrue();
    }

    @Test
    void offsetFetchForEveryPartitionStaysNull() {
        assertThat(roundTrip(OffsetFetchRequest.class, new OffsetFetchRequest("g", null)).requested()).isEmpty();
    }

    @Test
    void everyGroupRecordIsRegistered() {
        assertThat(BusCodecs.CONTROL_RECORDS).contains(JoinGroupRequest.class, JoinGroupResult.class, OffsetFetchRequest.class);
        assertThat(BusCodecs.CONTROL_RECORDS.stream().filter(c -> c.getPackageName().equals("dev.runnel.bus.group"))).hasSize(20);
    }
}
