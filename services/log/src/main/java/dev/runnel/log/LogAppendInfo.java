package dev.runnel.log;

/**
 * The outcome of one append.
 *
 * @param firstOffset   offset of the first record appended (or of the original batch, for a duplicate)
 * @param lastOffset    offset of the last record appended
 * @param maxTimestamp  largest batch max timestamp appended (the log-append time under LogAppendTime)
 * @param logAppendTime the broker time stamped into the batches, or -1 under CreateTime
 * @param batchCount    batches in the appended buffer
 * @param validBytes    bytes in the appended buffer
 * @param duplicate     true when this was an idempotent producer's retry: nothing was appended and the
 *                      offsets are those of the original write
 */
public record LogAppendInfo(long firstOffset, long lastOffset, long maxTimestamp, long logAppendTime,
                            int batchCount, int validBytes, boolean duplicate) {
}
