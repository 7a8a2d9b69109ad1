package dev.runnel.bus.codec;

import dev.runnel.bus.ErrorCode;
import dev.runnel.bus.data.FetchRequest;
import dev.runnel.bus.data.FetchResponse;
import dev.runnel.bus.data.PartitionFetch;
import dev.runnel.bus.data.PartitionFetchResult;
import dev.runnel.bus.data.PartitionProduceResult;
import dev.runnel.bus.data.PartitionRecords;
import dev.runnel.bus.data.ProduceRequest;
import dev.runnel.bus.data.ProduceResponse;
import dev.runnel.bus.data.ReplicaFetchRequest;
import dev.runnel.bus.data.ReplicaFetchResponse;
import dev.runnel.bus.data.ReplicaPartitionData;
import dev.runnel.bus.data.ReplicaPartitionFetch;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Binary codecs for the data plane (produce and fetch), which carry record bytes: those are appended
 * as length-prefixed slices and read back as slices of the received buffer, never re-encoded.
 */
final class DataPlaneCodecs {
    private DataPlaneCodecs() {
    }

    static List<CodecRegistration<?>> all() {
        return List.of(
                codec(ProduceRequest.class, DataPlaneCodecs::write, DataPlaneCodecs::readProduceRequest),
                codec(ProduceResponse.class, DataPlaneCodecs::write, DataPlaneCodecs::readProduceResponse),
                codec(FetchRequest.class, DataPlaneCodecs::write, DataPlaneCodecs::readFetchRequest),
                codec(FetchResponse.class, DataPlaneCodecs::write, DataPlaneCodecs::readFetchResponse),
                codec(ReplicaFetchRequest.class, DataPlaneCodecs::write, DataPlaneCodecs::readReplicaFetchRequest),
                codec(ReplicaFetchResponse.class, DataPlaneCodecs::write, DataPlaneCodecs::readReplicaFetchResponse));
    }

    /** Bytes {@link #write(Buffer, ProduceRequest)} writes. */
    static int size(ProduceRequest r) {
        int size = 2 + 4 + 4;
        for (PartitionRecords p : r.partitions()) {
            size += WireBuffer.sizeOf(p.topic()) + 4 + 4 + 4 + p.records().length();
        }
        return size;
    }

    static void write(Buffer out, ProduceRequest r) {
        WireBuffer.reserve(out, size(r));
        out.appendShort(r.acks()).appendInt(r.timeoutMs()).appendInt(r.partitions().size());
        for (PartitionRecords p : r.partitions()) {
            WireBuffer.writeString(out, p.topic());
            out.appendInt(p.partition()).appendInt(p.leaderEpoch());
            WireBuffer.writeBytes(out, p.records());
        }
    }

    static ProduceRequest readProduceRequest(WireBuffer in) {
        short acks = in.readShort();
        int timeoutMs = in.readInt();
        int n = in.readInt();
        List<PartitionRecords> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partitions.add(new PartitionRecords(in.readString(), in.readInt(), in.readInt(), in.readBytes()));
        }
        return new ProduceRequest(acks, timeoutMs, partitions);
    }

    static void write(Buffer out, ProduceResponse r) {
        out.appendInt(r.partitions().size());
        for (PartitionProduceResult p : r.partitions()) {
            WireBuffer.writeString(out, p.topic());
            out.appendInt(p.partition()).appendShort(p.error().code());
            WireBuffer.writeString(out, p.errorMessage());
            out.appendLong(p.baseOffset()).appendLong(p.logAppendTime()).appendLong(p.logStartOffset());
        }
    }

    static ProduceResponse readProduceResponse(WireBuffer in) {
        int n = in.readInt();
        List<PartitionProduceResult> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partitions.add(new PartitionProduceResult(in.readString(), in.readInt(), ErrorCode.forCode(in.readShort()),
                    in.readString(), in.readLong(), in.readLong(), in.readLong()));
        }
        return new ProduceResponse(partitions);
    }

    static void write(Buffer out, FetchRequest r) {
        out.appendInt(r.maxWaitMs()).appendInt(r.minBytes()).appendInt(r.maxBytes()).appendInt(r.partitions().size());
        for (PartitionFetch p : r.partitions()) {
            WireBuffer.writeString(out, p.topic());
            out.appendInt(p.partition()).appendLong(p.fetchOffset()).appendInt(p.maxBytes()).appendInt(p.currentLeaderEpoch());
        }
    }

    static FetchRequest readFetchRequest(WireBuffer in) {
        int maxWaitMs = in.readInt();
        int minBytes = in.readInt();
        int maxBytes = in.readInt();
        int n = in.readInt();
        List<PartitionFetch> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partitions.add(new PartitionFetch(in.readString(), in.readInt(), in.readLong(), in.readInt(), in.readInt()));
        }
        return new FetchRequest(maxWaitMs, minBytes, maxBytes, partitions);
    }

    /** Bytes {@link #write(Buffer, FetchResponse)} writes. */
    static int size(FetchResponse r) {
        int size = 4;
        for (PartitionFetchResult p : r.partitions()) {
            size += WireBuffer.sizeOf(p.topic()) + 4 + 2 + 8 + 8 + 8 + 4 + p.records().length();
        }
        return size;
    }

    static void write(Buffer out, FetchResponse r) {
        WireBuffer.reserve(out, size(r));
        out.appendInt(r.partitions().size());
        for (PartitionFetchResult p : r.partitions()) {
            WireBuffer.writeString(out, p.topic());
            out.appendInt(p.partition()).appendShort(p.error().code())
                    .appendLong(p.highWatermark()).appendLong(p.lastStableOffset()).appendLong(p.logStartOffset());
            WireBuffer.writeBytes(out, p.records());
        }
    }

    static FetchResponse readFetchResponse(WireBuffer in) {
        int n = in.readInt();
        List<PartitionFetchResult> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partitions.add(new PartitionFetchResult(in.readString(), in.readInt(), ErrorCode.forCode(in.readShort()),
                    in.readLong(), in.readLong(), in.readLong(), in.readBytes()));
        }
        return new FetchResponse(partitions);
    }

    static void write(Buffer out, ReplicaFetchRequest r) {
        out.appendInt(r.replicaId()).appendInt(r.maxWaitMs()).appendInt(r.minBytes()).appendInt(r.maxBytes())
                .appendInt(r.partitions().size());
        for (ReplicaPartitionFetch p : r.partitions()) {
            WireBuffer.writeString(out, p.topic());
            out.appendInt(p.partition()).appendLong(p.fetchOffset()).appendInt(p.lastFetchedEpoch())
                    .appendInt(p.currentLeaderEpoch()).appendInt(p.maxBytes());
        }
    }

    static ReplicaFetchRequest readReplicaFetchRequest(WireBuffer in) {
        int replicaId = in.readInt();
        int maxWaitMs = in.readInt();
        int minBytes = in.readInt();
        int maxBytes = in.readInt();
        int n = in.readInt();
        List<ReplicaPartitionFetch> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partitions.add(new ReplicaPartitionFetch(in.readString(), in.readInt(), in.readLong(), in.readInt(),
                    in.readInt(), in.readInt()));
        }
        return new ReplicaFetchRequest(replicaId, maxWaitMs, minBytes, maxBytes, partitions);
    }

    static void write(Buffer out, ReplicaFetchResponse r) {
        out.appendInt(r.partitions().size());
        for (ReplicaPartitionData p : r.partitions()) {
            WireBuffer.writeString(out, p.topic());
            out.appendInt(p.partition()).appendShort(p.error().code()).appendLong(p.highWatermark())
                    .appendLong(p.logStartOffset()).appendLong(p.logEndOffset()).appendInt(p.divergingEpoch())
                    .appendLong(p.divergingEndOffset());
            WireBuffer.writeBytes(out, p.records());
        }
    }

    static ReplicaFetchResponse readReplicaFetchResponse(WireBuffer in) {
        int n = in.readInt();
        List<ReplicaPartitionData> partitions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            partitions.add(new ReplicaPartitionData(in.readString(), in.readInt(), ErrorCode.forCode(in.readShort()),
                    in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readLong(), in.readBytes()));
        }
        return new ReplicaFetchResponse(partitions);
    }

    private static <T> CodecRegistration<T> codec(Class<T> type, BiConsumer<Buffer, T> writer, Function<WireBuffer, T> reader) {
        return new CodecRegistration<>(type, new MessageCodec<>() {
            @Override
            public void encodeToWire(Buffer buffer, T value) {
                writer.accept(buffer, value);
            }

            @Override
            public T decodeFromWire(int pos, Buffer buffer) {
                return reader.apply(new WireBuffer(buffer, pos));
            }

            @Override
            public T transform(T value) {
                return value;
            }

            @Override
            public String name() {
                return "runnel-bin-" + type.getSimpleName();
            }

            @Override
            public byte systemCodecID() {
                return -1;
            }
        });
    }
}
