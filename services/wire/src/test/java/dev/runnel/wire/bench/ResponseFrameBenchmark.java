package dev.runnel.wire.bench;

import dev.runnel.wire.ResponseFrames;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.record.MemoryRecords;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encoding a Fetch response of ~1 MiB of records over 4 partitions: the old frame (one heap buffer of the
 * whole frame, batches copied in, {@link CopyingResponseFrames}) vs the segmented one
 * ({@link ResponseFrames}, batches shared). The {@code ToDirect} pair adds what the socket write does next
 * with either frame (Netty copies a heap buffer into a direct one), so they compare the whole path to the
 * socket. Throughput in ops/s and, in the {@code bytes} rows, frame bytes per second. Run: see
 * services/wire/README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ResponseFrameBenchmark {
    static final int PARTITIONS = 4;
    static final int RECORDS_PER_PARTITION = 256;
    static final int RECORD_VALUE_BYTES = 1024;

    /** Frame bytes encoded, reported by JMH as a rate ("bytes" row, bytes per second) next to ops/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @State(Scope.Benchmark)
    public static class Fetch {
        /** 4 (non-flexible, topic names) and 12 (flexible, tagged fields); 13+ differ only by topic ids. */
        @Param({"4", "12"})
        public short version;
        FetchResponseData response;
        ByteBuffer socketBuffer;

        @Setup
        public void setUp() {
            List<MemoryRecords> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(FetchResponses.records(RECORDS_PER_PARTITION, RECORD_VALUE_BYTES));
            }
            response = FetchResponses.fetch(version, Uuid.randomUuid(), partitions);
            socketBuffer = ByteBuffer.allocateDirect(2 * PARTITIONS * RECORDS_PER_PARTITION * (RECORD_VALUE_BYTES + 64));
        }
    }

    @Benchmark
    public ByteBuffer copied(Fetch s, Bytes counter) {
        ByteBuffer frame = CopyingResponseFrames.encode(ApiKeys.FETCH, s.version, 1, s.response);
        counter.bytes += frame.remaining();
        return frame;
    }

    @Benchmark
    public Buffer segmented(Fetch s, Bytes counter) {
        Buffer frame = ResponseFrames.encode(ApiKeys.FETCH, s.version, 1, s.response);
        counter.bytes += frame.length();
        return frame;
    }

    @Benchmark
    public ByteBuffer copiedToDirect(Fetch s, Bytes counter) {
        ByteBuffer frame = CopyingResponseFrames.encode(ApiKeys.FETCH, s.version, 1, s.response);
        counter.bytes += frame.remaining();
        return s.socketBuffer.clear().put(frame);
    }

    @Benchmark
    public ByteBuffer segmentedToDirect(Fetch s, Bytes counter) {
        ByteBuf frame = ResponseFrames.encode(ApiKeys.FETCH, s.version, 1, s.response).getByteBuf();
        counter.bytes += frame.readableBytes();
        ByteBuffer out = s.socketBuffer.clear();
        frame.readBytes(out.limit(frame.readableBytes()));
        return out;
    }
}
