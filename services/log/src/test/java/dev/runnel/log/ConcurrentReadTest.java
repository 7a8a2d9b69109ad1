package dev.runnel.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers running beside the writer only ever see whole, CRC-valid batches in offset order. */
class ConcurrentReadTest extends LogTestSupport {
    @TempDir
    Path dir;

    @Test
    void readersNeverSeePartialBatches() throws Exception {
        try (PartitionLog log = open(dir, smallConfig().withSegmentBytes(64 * 1024))) {
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Long> reader = CompletableFuture.supplyAsync(() -> {
                long next = 0;
                long batchesSeen = 0;
                while (writing.get() || next < log.logEndOffset()) {
                    ByteBuffer records = log.read(next, 8192, Long.MAX_VALUE).records();
                    for (int at = 0; at < records.limit(); at += BatchHeader.sizeInBytes(records, at)) {
                        assertThat(BatchHeader.isCrcValid(records, at)).isTrue();
                        assertThat(BatchHeader.baseOffset(records, at)).isEqualTo(next);
                        next = BatchHeader.lastOffset(records, at) + 1;
                        batchesSeen++;
                    }
                }
                return batchesSeen;
            });
            for (int i = 0; i < 2000; i++) {
                log.appendAsLeader(TestBatches.builder().records(1 + i % 5, 50 + i % 300, T0 + i).build(), 0);
            }
            writing.set(false);
            assertThat(reader.get(20, TimeUnit.SECONDS)).isEqualTo(2000);
            assertThat(log.segmentCount()).isGreaterThan(5);
        }
    }
}
