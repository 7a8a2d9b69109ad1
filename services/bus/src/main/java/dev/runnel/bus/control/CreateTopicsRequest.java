package dev.runnel.bus.control;

import java.util.List;

public record CreateTopicsRequest(List<CreateTopicRequest> topics, boolean validateOnly) {
}
