package dev.runnel.controller.core;

/**
 * What a controller learns when it takes office: the cluster's permanent id and its own epoch, one more
 * than the previous controller's.
 */
public record ControllerSession(String clusterId, long controllerEpoch) {
}
