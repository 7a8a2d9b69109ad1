package dev.runnel.offsets.core;

import java.util.OptionalLong;

/**
 * One committed offset of a group and how far behind the partition's end it is.
 *
 * @param endOffset the partition's latest offset when its leader answered the last sample
 */
public record GroupOffsetLag(String group, String topic, int partition, long committedOffset, OptionalLong endOffset) {

    /** Records between the commit and the end (never negative); empty while the end is unknown. */
    public OptionalLong lag() {
        return endOffset.isPresent() ? OptionalLong.of(Math.max(0, endOffset.getAsLong() - committedOffset))
                : OptionalLong.empty();
    }
}
