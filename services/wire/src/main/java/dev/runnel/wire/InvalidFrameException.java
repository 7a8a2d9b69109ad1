package dev.runnel.wire;

/** A request's 4-byte size prefix is negative or larger than {@link WireSettings#maxFrameBytes()}. */
public final class InvalidFrameException extends RuntimeException {
    private final int size;

    public InvalidFrameException(int size, int maxFrameBytes) {
        super("Kafka request size " + size + " is outside 0.." + maxFrameBytes);
        this.size = size;
    }

    public int size() {
        return size;
    }
}
