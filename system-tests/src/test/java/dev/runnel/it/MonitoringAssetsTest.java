package dev.runnel.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the alert rules name only metrics the reference page documents (and
 * {@link MetricsIT} checks that every documented metric is really scraped), so they cannot silently drift
 * from what the services export.
 */
class MonitoringAssetsTest {
    private static final Path ROOT = Path.of(System.getProperty("runnel.root", ".."));
    private static final Pattern METRIC = Pattern.compile("runnel_[a-z0-9_]+");

    @Test
    void dashboardQueriesUseDocumentedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ROOT.resolve("k8s/monitoring/runnel-dashboard.json").toFile());
        StringBuilder exprs = new StringBuilder();
        dashboard.findValues("expr").forEach(e -> exprs.append(e.asText()).append('\n'));
        Set<String> used = metricsIn(exprs.toString());
        assertThat(used).contains("runnel_gateway_bytes_in_total", "runnel_group_lag",
                "runnel_cluster_under_replicated_partitions", "runnel_store_disk_free_bytes");
        assertThat(used).allSatisfy(m -> assertThat(documented()).as("documented metric for %s", m).contains(base(m)));
    }

    @Test
    void alertRulesCoverTheIssueAndUseDocumentedMetrics() throws IOException {
        String rules = Files.readString(ROOT.resolve("k8s/monitoring/runnel-alerts.yaml"));
        assertThat(rules).contains("kind: PrometheusRule", "alert: RunnelOfflinePartitions",
                "alert: RunnelUnderReplicatedPartitions", "alert: RunnelConsumerLagGrowing", "alert: RunnelDiskAlmostFull");
        assertThat(metricsIn(rules)).allSatisfy(m -> assertThat(documented()).as("documented metric for %s", m).contains(base(m)));
        // every alert has a "what to do" row on the reference page
        Matcher alert = Pattern.compile("alert: (\\w+)").matcher(rules);
        String page = Files.readString(ROOT.resolve("docs/metrics.md"));
        while (alert.find()) {
            assertThat(page).contains("| `" + alert.group(1) + "` |");
        }
    }

    private static Set<String> metricsIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** A histogram's series name back to the documented family. */
    private static String base(String series) {
        return series.replaceAll("_(bucket|count|sum|max)$", "");
    }

    private static List<String> documented() throws IOException {
        return MetricsIT.documentedMetrics();
    }
}
