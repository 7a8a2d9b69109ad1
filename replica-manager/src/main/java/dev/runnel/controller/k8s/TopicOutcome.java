package dev.runnel.controller.k8s;

import dev.runnel.controller.core.OwnedTopic;

import java.util.Optional;

/**
 * The result of reconciling one Topic resource: the Ready reason and message, and the topic this resource
 * manages as it now is (empty when there is none, or when another resource owns it).
 */
public record TopicOutcome(Reason reason, String message, Optional<OwnedTopic> managed) {
}
