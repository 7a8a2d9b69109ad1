package dev.runnel.bus.control;

import java.util.List;

/** One result per topic of the request, in request order. */
public record TopicResults(List<TopicResult> topics) {
}
