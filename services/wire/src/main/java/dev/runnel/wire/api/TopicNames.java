package dev.runnel.wire.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** Kafka's topic name rules: [a-zA-Z0-9._-], 1..249 characters, not "." or "..". */
public final class TopicNames {
    private TopicNames() {
    }

    public static final int MAX_LENGTH = 249;
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    /** Why {@code name} is not a legal topic name, or empty when it is. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("Topic name is empty");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("Topic name cannot be \".\" or \"..\"");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("Topic name is " + name.length() + " characters long, the limit is " + MAX_LENGTH);
        }
        if (!LEGAL.matcher(name).matches()) {
            return Optional.of("Topic name \"" + name + "\" has characters outside [a-zA-Z0-9._-]");
        }
        return Optional.empty();
    }
}
