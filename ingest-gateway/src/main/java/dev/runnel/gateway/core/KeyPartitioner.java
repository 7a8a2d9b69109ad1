package dev.runnel.gateway.core;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses a partition for an HTTP-produced record the way Kafka's Java producer does, so a key lands
 * on the same partition whichever way it was produced: murmur2 of the key's UTF-8 bytes, made positive,
 * modulo the partition count. Records without a key go round-robin.
 */
public final class KeyPartitioner {
    private final AtomicInteger roundRobin = new AtomicInteger();

    public int partition(String key, int partitions) {
        if (key == null) {
            return Math.floorMod(roundRobin.getAndIncrement(), partitions);
        }
        return (murmur2(key.getBytes(StandardCharsets.UTF_8)) & 0x7fffffff) % partitions;
    }

    /** MurmurHash2, 32-bit, seed 0x9747b28c: the hash Kafka's default partitioner uses. */
    static int murmur2(byte[] data) {
        int length = data.length;
        int seed = 0x9747b28c;
        int m = 0x5bd1e995;
        int r = 24;
        int h = seed ^ length;
        int length4 = length / 4;
        for (int i = 0; i < length4; i++) {
            int i4 = i * 4;
            int k = (data[i4] & 0xff) + ((data[i4 + 1] & 0xff) << 8) + ((data[i4 + 2] & 0xff) << 16) + ((data[i4 + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        switch (length % 4) {
            case 3:
                h ^= (data[(length & ~3) + 2] & 0xff) << 16;
            case 2:
                h ^= (data[(length & ~3) + 1] & 0xff) << 8;
            case 1:
                h ^= data[length & ~3] & 0xff;
                h *= m;
            default:
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }
}
