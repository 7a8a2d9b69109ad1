package dev.runnel.log;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * Which leader epoch wrote which offsets: an ordered list of (epoch, start offset), both strictly
 * increasing, checkpointed to {@code leader-epoch-checkpoint} (Kafka's text layout: version line, count
 * line, then "epoch startOffset" lines) each time it changes. Followers use {@link #endOffsetFor} on the
 * leader to find where their log diverges (KIP-101/279).
 * <p>
 * Crash policy: the checkpoint is replaced atomically; on open it is re-derived from batch headers where
 * missing and truncated to the log's bounds. Thread-safety: all methods are synchronized.
 */
public final class LeaderEpochCache {
    private final CheckpointFile checkpoint;
    private final LongSupplier logEndOffset;
    private final List<EpochEntry> epochs = new ArrayList<>();

    LeaderEpochCache(Path file, LongSupplier logEndOffset) {
        this.checkpoint = new CheckpointFile(file);
        this.logEndOffset = logEndOffset;
    }

    /** Loads the checkpoint (if any). */
    synchronized void load() {
        epochs.clear();
        checkpoint.read().ifPresent(lines -> {
            for (String line : lines) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length != 2) {
                    throw new LogStorageException("Leader epoch checkpoint " + checkpoint.file() + " has a bad line '" + line + "'");
                }
                try {
                    epochs.add(new EpochEntry(Integer.parseInt(parts[0]), Long.parseLong(parts[1])));
                } catch (NumberFormatException e) {
                    throw new LogStorageException("Leader epoch checkpoint " + checkpoint.file() + " has a bad line '" + line + "'", e);
                }
            }
        });
    }

    public synchronized List<EpochEntry> entries() {
        return List.copyOf(epochs);
    }

    public synchronized OptionalInt latestEpoch() {
        return epochs.isEmpty() ? OptionalInt.empty() : OptionalInt.of(epochs.get(epochs.size() - 1).epoch());
    }

    public synchronized Optional<EpochEntry> latestEntry() {
        return epochs.isEmpty() ? Optional.empty() : Optional.of(epochs.get(epochs.size() - 1));
    }

    /**
     * KIP-101/279: for the latest epoch, the log end offset; for an older epoch, the start offset of the
     * first newer epoch, paired with the largest known epoch &lt;= the requested one; for an epoch older than
     * any known, the requested epoch and the first known start offset; for an epoch newer than any known
     * (or an empty cache), {@link EpochEndOffset#undefined()}.
     */
    public synchronized EpochEndOffset endOffsetFor(int requestedEpoch) {
        if (requestedEpoch < 0 || epochs.isEmpty()) {
            return EpochEndOffset.undefined();
        }
        EpochEntry latest = epochs.get(epochs.size() - 1);
        if (requestedEpoch == latest.epoch()) {
            return new EpochEndOffset(latest.epoch(), logEndOffset.getAsLong());
        }
        if (requestedEpoch > latest.epoch()) {
            return EpochEndOffset.undefined();
        }
        EpochEntry floor = null;
        for (EpochEntry e : epochs) {
            if (e.epoch() > requestedEpoch) {
                return floor == null
                        ? new EpochEndOffset(requestedEpoch, e.startOffset())
                        : new EpochEndOffset(floor.epoch(), e.startOffset());
            }
            floor = e;
        }
        throw new IllegalStateException("unreachable: epoch " + requestedEpoch + " below latest " + latest.epoch());
    }

    /** Records that {@code epoch} starts at {@code startOffset} if it is newer than the latest; checkpoints on change. */
    synchronized void assign(int epoch, long startOffset) {
        if (assignNoFlush(epoch, startOffset)) {
            flush();
        }
    }

    /** As {@link #assign} without writing the checkpoint; returns whether anything changed. */
    synchronized boolean assignNoFlush(int epoch, long startOffset) {
        if (epoch < 0) {
            return false;
        }
        Optional<EpochEntry> latest = latestEntry();
        if (latest.isPresent() && epoch <= latest.get().epoch()) {
            return false;
        }
        // a newer epoch starting at or below an older epoch's start makes that entry meaningless
        epochs.removeIf(e -> e.startOffset() >= startOffset);
        epochs.add(new EpochEntry(epoch, startOffset));
        return true;
    }

    /** Drops epochs that start at or after {@code endOffset} (log truncated to it). */
    synchronized void truncateFromEnd(long endOffset) {
        if (epochs.removeIf(e -> e.startOffset() >= endOffset)) {
            flush();
        }
    }

    /** Forgets epochs wholly below the new log start; the epoch covering it now starts there. */
    synchronized void truncateFromStart(long startOffset) {
        int lastCovering = -1;
        for (int i = 0; i < epochs.size() && epochs.get(i).startOffset() <= startOffset; i++) {
            lastCovering = i;
        }
        if (lastCovering < 0 || (lastCovering == 0 && epochs.get(0).startOffset() == startOffset)) {
            return;
        }
        int epoch = epochs.get(lastCovering).epoch();
        epochs.subList(0, lastCovering + 1).clear();
        epochs.add(0, new EpochEntry(epoch, startOffset));
        flush();
    }

    synchronized void clear() {
        epochs.clear();
        flush();
    }

    synchronized void flush() {
        checkpoint.write(epochs.stream().map(e -> e.epoch() + " " + e.startOffset()).toList());
    }
}
