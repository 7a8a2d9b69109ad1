package dev.runnel.bus.control;

import java.util.List;

/** Delete topics by name. */
public record DeleteTopicsRequest(List<String> names) {
}
