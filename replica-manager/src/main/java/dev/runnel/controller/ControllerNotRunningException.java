package dev.runnel.controller;

/** The controller has not started yet (PostgreSQL not reachable, or still loading the metadata). */
public final class ControllerNotRunningException extends RuntimeException {
    public ControllerNotRunningException() {
        super("The replica-manager's controller has not started yet (waiting for PostgreSQL or loading metadata)");
    }
}
