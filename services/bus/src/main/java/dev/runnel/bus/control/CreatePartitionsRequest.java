package dev.runnel.bus.control;

import java.util.List;

public record CreatePartitionsRequest(List<NewPartitions> topics, boolean validateOnly) {
}
