package dev.runnel.controller.k8s;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.Objects;

/** A Kubernetes-style condition; {@link #TYPE_READY} is the one Runnel sets. */
public class TopicCondition {
    public static final String TYPE_READY = "Ready";
    public static final String TRUE = "True";
    public static final String FALSE = "False";

    @JsonPropertyDescription("Condition type: Ready.")
    private String type;
    @JsonPropertyDescription("True, False or Unknown.")
    private String status;
    @JsonPropertyDescription("A CamelCase reason (see docs/kubernetes.md).")
    private String reason;
    @JsonPropertyDescription("What happened, for people.")
    private String message;
    @JsonPropertyDescription("When status last changed (RFC 3339).")
    private String lastTransitionTime;

    public TopicCondition() {
    }

    public TopicCondition(String type, String status, String reason, String message, String lastTransitionTime) {
        this.type = type;
        this.status = status;
        this.reason = reason;
        this.message = message;
        this.lastTransitionTime = lastTransitionTime;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getLastTransitionTime() {
        return lastTransitionTime;
    }

    public void setLastTransitionTime(String lastTransitionTime) {
        this.lastTransitionTime = lastTransitionTime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TopicCondition that && Objects.equals(type, that.type) && Objects.equals(status, that.status)
                && Objects.equals(reason, that.reason) && Objects.equals(message, that.message)
                && Objects.equals(lastTransitionTime, that.lastTransitionTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, status, reason, message, lastTransitionTime);
    }
}
