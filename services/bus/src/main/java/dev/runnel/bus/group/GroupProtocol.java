package dev.runnel.bus.group;

/** One protocol (assignor, for consumers) a joining member supports, with its opaque subscription metadata. */
public record GroupProtocol(String name, byte[] metadata) {
}
