package dev.runnel.log;

/**
 * The answer to OffsetForLeaderEpoch (KIP-101/279): the largest epoch &lt;= the requested one that this log
 * knows, and the offset where that epoch ended (the next epoch's start, or the log end for the latest
 * epoch). Both are {@link #UNDEFINED} when the requested epoch is newer than anything known.
 */
public record EpochEndOffset(int epoch, long endOffset) {
    public static final int UNDEFINED = -1;

    public static EpochEndOffset undefined() {
        return new EpochEndOffset(UNDEFINED, UNDEFINED);
    }
}
