package dev.runnel.controller.k8s;

/** The controller could not carry out an operator call (not started, failed, or timed out); worth a retry. */
public final class ControllerUnavailableException extends RuntimeException {
    public ControllerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
