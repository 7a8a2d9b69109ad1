package dev.runnel.controller.k8s;

import dev.runnel.bus.control.AlterConfigsRequest.TopicConfigChange;
import dev.runnel.bus.control.CreateTopicRequest;
import dev.runnel.bus.control.NewPartitions;

import java.util.Optional;

/** What {@link TopicResourcePlanner} decided to do about one Topic resource. */
public sealed interface TopicPlan {

    /** Create the topic, owned by the resource. */
    record Create(CreateTopicRequest request) implements TopicPlan {
    }

    /**
     * Bring an existing topic to the spec: configs first (so an invalid config stops the change before any
     * partition is added), then growth.
     *
     * @param adopted true when the topic was created over the Kafka API (the resource does not own it)
     */
    record Update(Optional<TopicConfigChange> configChange, Optional<NewPartitions> growth, boolean adopted)
            implements TopicPlan {
    }

    /** The topic already matches the spec. */
    record InSync(boolean adopted) implements TopicPlan {
    }

    /** Change nothing and report why. */
    record Refuse(Reason reason, String message) implements TopicPlan {
    }
}
