package dev.runnel.gateway.core;

import dev.runnel.bus.ErrorCode;

/**
 * Where one partition of a request goes: to the store {@code leader}, or nowhere with {@code error}.
 */
record PartitionRoute(int leader, ErrorCode error) {

    static PartitionRoute to(int leader) {
        return new PartitionRoute(leader, ErrorCode.NONE);
    }

    static PartitionRoute unroutable(ErrorCode error) {
        return new PartitionRoute(-1, error);
    }

    boolean routable() {
        return error == ErrorCode.NONE;
    }
}
