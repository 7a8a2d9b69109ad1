package dev.runnel.bus.group;

import dev.runnel.bus.ErrorCode;

import java.util.List;

/** The OffsetFetch answer: a group-level error, or the offsets (requested ones in request order). */
public record OffsetFetchResult(ErrorCode error, List<CommittedOffset> offsets) {
}
