package dev.runnel.controller.core;

import dev.runnel.bus.control.TopicInfo;

import java.util.Optional;

/**
 * A topic with its owner.
 *
 * @param owner who manages it (e.g. {@code k8s:<namespace>/<name>} for a Kubernetes Topic resource); empty
 *              for a topic created over the Kafka API
 */
public record OwnedTopic(TopicInfo topic, Optional<String> owner) {
}
