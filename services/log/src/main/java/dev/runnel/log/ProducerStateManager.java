package dev.runnel.log;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Idempotent-producer state of one partition: for each producer id, its epoch and the sequence/offset
 * ranges of its last {@value #CACHED_BATCHES} batches — enough to recognise a retry (duplicate) and to
 * refuse a gap (out of order) or a fenced producer (older epoch).
 * <p>
 * Rules (same as Kafka's, without transactions): a producer never seen accepts any sequence; an older
 * epoch is refused; a newer epoch must start at sequence 0; in the same epoch a batch equal to a cached
 * one is a duplicate and any other batch must start right after the last sequence (wrapping at
 * Integer.MAX_VALUE). Not persisted: rebuilt on open from batch headers. Not thread-safe: the log calls
 * it under its append lock.
 */
final class ProducerStateManager {
    static final int CACHED_BATCHES = 5;

    /** One written batch of an idempotent producer. */
    record BatchMetadata(int firstSeq, int lastSeq, long firstOffset, long lastOffset, long maxTimestamp) {
    }

    private static final class ProducerEntry {
        short epoch;
        final ArrayDeque<BatchMetadata> batches = new ArrayDeque<>(CACHED_BATCHES);
    }

    private final String where;
    private final Map<Long, ProducerEntry> producers = new HashMap<>();

    ProducerStateManager(String where) {
        this.where = where;
    }

    /**
     * Checks every idempotent batch of a (validated, not yet written) buffer against the state, chaining
     * batches of the same producer within the buffer.
     *
     * @return the original batch when the buffer holds a retry of one already written
     * @throws OutOfOrderSequenceException  on a sequence gap, or a new epoch not starting at 0
     * @throws InvalidProducerEpochException on an epoch older than the producer's
     */
    Optional<BatchMetadata> checkSequences(ByteBuffer b) {
        Map<Long, int[]> pending = null; // producerId -> {epoch, lastSeq} of earlier batches in this buffer
        for (int at = b.position(); at < b.limit(); at += BatchHeader.sizeInBytes(b, at)) {
            long pid = BatchHeader.producerId(b, at);
            if (pid < 0) {
                continue;
            }
            short epoch = BatchHeader.producerEpoch(b, at);
            int firstSeq = BatchHeader.baseSequence(b, at);
            int lastSeq = BatchHeader.lastSequence(b, at);
            int[] inBuffer = pending == null ? null : pending.get(pid);
            ProducerEntry entry = producers.get(pid);
            if (inBuffer != null) {
                checkNext(pid, epoch, firstSeq, (short) inBuffer[0], inBuffer[1]);
            } else if (entry != null) {
                if (epoch < entry.epoch) {
                    throw new InvalidProducerEpochException("Producer " + pid + " wrote with epoch " + epoch
                            + " to " + where + " but epoch " + entry.epoch + " is current");
                }
                if (epoch == entry.epoch) {
                    for (BatchMetadata cached : entry.batches) {
                        if (cached.firstSeq == firstSeq && cached.lastSeq == lastSeq) {
                            return Optional.of(cached);
                        }
                    }
                }
                if (!entry.batches.isEmpty() || epoch != entry.epoch) {
                    checkNext(pid, epoch, firstSeq, entry.epoch, entry.batches.isEmpty() ? -1 : entry.batches.peekLast().lastSeq);
                }
            }
            if (pending == null) {
                pending = new HashMap<>(4);
            }
            pending.put(pid, new int[] {epoch, lastSeq});
        }
        return Optional.empty();
    }

    private void checkNext(long pid, short epoch, int firstSeq, short currentEpoch, int currentLastSeq) {
        if (epoch > currentEpoch) {
            if (firstSeq != 0) {
                throw new OutOfOrderSequenceException("Producer " + pid + " bumped its epoch to " + epoch + " on " + where
                        + " but started at sequence " + firstSeq + ", not 0");
            }
            return;
        }
        int expected = currentLastSeq == Integer.MAX_VALUE ? 0 : currentLastSeq + 1;
        if (firstSeq != expected) {
            throw new OutOfOrderSequenceException("Out of order sequence for producer " + pid + " epoch " + epoch
                    + " on " + where + ": got " + firstSeq + ", expected " + expected);
        }
    }

    /** Records every idempotent batch of a written buffer (offsets already assigned). */
    void update(ByteBuffer b) {
        for (int at = b.position(); at < b.limit(); at += BatchHeader.sizeInBytes(b, at)) {
            updateFromBatch(b, at);
        }
    }

    /** Records one written batch whose header is at {@code at}; no-op for non-idempotent batches. */
    void updateFromBatch(ByteBuffer b, int at) {
        long pid = BatchHeader.producerId(b, at);
        if (pid < 0) {
            return;
        }
        short epoch = BatchHeader.producerEpoch(b, at);
        ProducerEntry entry = producers.computeIfAbsent(pid, id -> new ProducerEntry());
        if (epoch != entry.epoch) {
            entry.epoch = epoch;
            entry.batches.clear();
        }
        if (entry.batches.size() == CACHED_BATCHES) {
            entry.batches.removeFirst();
        }
        entry.batches.addLast(new BatchMetadata(BatchHeader.baseSequence(b, at), BatchHeader.lastSequence(b, at),
                BatchHeader.baseOffset(b, at), BatchHeader.lastOffset(b, at), BatchHeader.maxTimestamp(b, at)));
    }

    /**
     * Forgets batches at or above {@code offset} (log truncated). A producer left with no cached batch keeps
     * its epoch and accepts any sequence again, like a producer never seen.
     */
    void truncateFrom(long offset) {
        producers.values().forEach(e -> e.batches.removeIf(m -> m.lastOffset >= offset));
    }

    void clear() {
        producers.clear();
    }

    int producerCount() {
        return producers.size();
    }
}
