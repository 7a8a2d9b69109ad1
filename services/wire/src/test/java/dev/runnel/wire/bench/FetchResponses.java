package dev.runnel.wire.bench;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.FetchResponseData;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.SimpleRecord;

import java.util.ArrayList;
import java.util.List;

/** Fetch responses for the frame tests and the benchmark: one topic, one partition per batch set. */
public final class FetchResponses {
    private FetchResponses() {
    }

    /** Uncompressed batches of {@code records} records of {@code valueBytes} bytes each (distinct values). */
    public static MemoryRecords records(int records, int valueBytes) {
        SimpleRecord[] simple = new SimpleRecord[records];
        for (int i = 0; i < records; i++) {
            byte[] value = new byte[valueBytes];
            java.util.Arrays.fill(value, (byte) i);
            simple[i] = new SimpleRecord(1_700_000_000_000L + i, ("k" + i).getBytes(), value);
        }
        return MemoryRecords.withRecords(Compression.NONE, simple);
    }

    /** A response in {@code version}'s shape (topic name before v13, topic id from v13), one partition per entry. */
    public static FetchResponseData fetch(short version, Uuid topicId, List<MemoryRecords> partitions) {
        List<FetchResponseData.PartitionData> data = new ArrayList<>();
        for (int p = 0; p < partitions.size(); p++) {
            data.add(new FetchResponseData.PartitionData().setPartitionIndex(p).setHighWatermark(1000)
                    .setLastStableOffset(version >= 4 ? 1000 : -1).setLogStartOffset(version >= 5 ? 0 : -1)
                    .setRecords(partitions.get(p)));
        }
        return new FetchResponseData().setResponses(List.of(new FetchResponseData.FetchableTopicResponse()
                .setTopic(version < 13 ? "events" : "").setTopicId(version >= 13 ? topicId : Uuid.ZERO_UUID)
                .setPartitions(data)));
    }
}
