package dev.runnel.bus.control;

/** Ask the active replica-manager for the whole cluster metadata. */
public record MetadataRequest(String requester) {
}
