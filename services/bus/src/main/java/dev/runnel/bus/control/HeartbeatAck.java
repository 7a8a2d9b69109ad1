package dev.runnel.bus.control;

/** @param metadataVersion the controller's current version; a store that is behind asks for metadata */
public record HeartbeatAck(long metadataVersion) {
}
