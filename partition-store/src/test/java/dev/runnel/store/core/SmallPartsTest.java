package dev.runnel.store.core;

import dev.runnel.bus.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SmallPartsTest {

    @Test
    void parsesPartitionFolderNames() {
        assertThat(TopicPartition.fromDirName("my-topic-12")).contains(new TopicPartition("my-topic", 12));
        assertThat(TopicPartition.fromDirName("orders-0").orElseThrow().dirName()).isEqualTo("orders-0");
        assertThat(TopicPartition.fromDirName("orders")).isEmpty();
        assertThat(TopicPartition.fromDirName("orders-")).isEmpty();
        assertThat(TopicPartition.fromDirName("orders-x1")).isEmpty();
        assertThat(TopicPartition.fromDirName("-3")).isEmpty();
    }

    @Test
    void orderedExecutorRunsTasksOneAtATimeInOrder() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            OrderedExecutor ordered = new OrderedExecutor(pool);
            List<Integer> seen = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Integer>> tasks = IntStream.range(0, 500)
                    .mapToObj(i -> ordered.submit(() -> {
                        seen.add(i);
                        return i;
                    }))
                    .toList();
            CompletableFuture<Object> failing = ordered.submit(() -> {
                throw new IllegalStateException("boom");
            });
            CompletableFuture<String> after = ordered.submit(() -> "still runs");

            assertThat(after.join()).isEqualTo("still runs"); // the last task: every earlier one has run
            assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
            assertThat(tasks).allMatch(CompletableFuture::isDone);
            assertThat(failing).isCompletedExceptionally();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void partitionMetadataFileRoundTripsAndToleratesGarbage(@TempDir Path dir) throws Exception {
        UUID id = UUID.randomUUID();
        assertThat(PartitionMetadataFile.read(dir)).isEmpty();

        PartitionMetadataFile.write(dir, id);
        assertThat(PartitionMetadataFile.read(dir)).contains(id);

        Files.writeString(dir.resolve(PartitionMetadataFile.FILE_NAME), "topic_id: not-a-uuid\n");
        assertThat(PartitionMetadataFile.read(dir)).isEmpty();
    }

    @Test
    void cutsRecordsToWholeBatches() {
        byte[] a = TestBatches.batch(1, "a");
        byte[] b = TestBatches.batch(2, "bb");
        ByteBuffer both = ByteBuffer.allocate(a.length + b.length).put(a).put(b).flip();

        assertThat(RecordBatches.wholeBatchesWithin(both, a.length + b.length - 1).remaining()).isEqualTo(a.length);
        assertThat(RecordBatches.wholeBatchesWithin(both, a.length - 1).remaining()).isZero();
        assertThat(RecordBatches.headers(both)).extracting(RecordBatches.BatchHeader::maxTimestamp).containsExactly(1L, 2L);
    }

    @Test
    void leadershipChecksLeaderAndEpoch() {
        Leadership leadership = new Leadership(1, 5, List.of(1, 2), List.of(1));

        assertThat(leadership.checkLeader(1, -1)).isEqualTo(ErrorCode.NONE);
        assertThat(leadership.checkLeader(1, 5)).isEqualTo(ErrorCode.NONE);
        assertThat(leadership.checkLeader(1, 4)).isEqualTo(ErrorCode.FENCED_LEADER_EPOCH);
        assertThat(leadership.checkLeader(1, 6)).isEqualTo(ErrorCode.UNKNOWN_LEADER_EPOCH);
        assertThat(leadership.checkLeader(2, 5)).isEqualTo(ErrorCode.NOT_LEADER_OR_FOLLOWER);
        assertThat(leadership.isOnlyInSyncReplica(1)).isTrue();
        assertThat(new Leadership(1, 5, List.of(1, 2), List.of(1, 2)).isOnlyInSyncReplica(1)).isFalse();
    }
}
