package dev.runnel.it;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One scrape of a {@code /q/metrics} page in Prometheus' text format, parsed into samples: enough to
 * sum a family over a label selection and to list which families appear.
 */
record PrometheusScrape(List<Sample> samples) {
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, value(m.group(4))));
        }
        return new PrometheusScrape(samples);
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Sum of the samples named {@code name} whose labels include all of {@code selection}. */
    double sum(String name, Map<String, String> selection) {
        return matching(name, selection).stream().mapToDouble(Sample::value).sum();
    }

    double sum(String name) {
        return sum(name, Map.of());
    }

    List<Sample> matching(String name, Map<String, String> selection) {
        Predicate<Sample> selected = s -> selection.entrySet().stream()
                .allMatch(e -> e.getValue().equals(s.labels().get(e.getKey())));
        return samples.stream().filter(s -> s.name().equals(name)).filter(selected).toList();
    }

    boolean has(String name, Map<String, String> selection) {
        return !matching(name, selection).isEmpty();
    }

    /** Sample names, as they appear (histograms as their _bucket, _count, _sum and _max series). */
    Set<String> names() {
        return samples.stream().map(Sample::name).collect(Collectors.toSet());
    }
}
