package dev.runnel.controller.k8s;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A Runnel topic declared in Kubernetes ({@code runnel.dev/v1}, kind {@code Topic}, short name {@code rt}).
 * The CRD under {@code k8s/base/crds/} is generated from this class at build time; a test keeps the
 * committed copy equal to the generated one.
 */
@Group(Topic.GROUP)
@Version(Topic.VERSION)
@Kind("Topic")
@Singular("topic")
@Plural("topics")
@ShortNames("rt")
@AdditionalPrinterColumn(name = "Topic", jsonPath = ".status.topicName", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Partitions", jsonPath = ".spec.partitions", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Replicas", jsonPath = ".spec.replicas", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class Topic extends CustomResource<TopicSpec, TopicStatus> implements Namespaced {
    public static final String GROUP = "runnel.dev";
    public static final String VERSION = "v1";

    /** The Kafka topic this resource declares: {@code spec.topicName}, or the resource's name. */
    public String topicName() {
        TopicSpec spec = getSpec();
        return spec != null && spec.getTopicName() != null && !spec.getTopicName().isEmpty()
                ? spec.getTopicName() : getMetadata().getName();
    }

    /** The owner recorded with the topics this resource creates: {@code k8s:<namespace>/<name>}. */
    public String ownerId() {
        return "k8s:" + getMetadata().getNamespace() + "/" + getMetadata().getName();
    }
}
