package io.otelref.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.deployment.DeployDirectory;
import io.otelref.deployment.grafana.Dashboard;
import io.otelref.deployment.prometheus.RecordingRules;

/**
 * Every metric that a Grafana dashboard in deploy/grafana/dashboards queries exists: the collector serves
 * it to Prometheus (the services' metrics arrive there over OTLP), a recording rule in deploy/prometheus/rules
 * defines it, or Prometheus has it already (its own series, such as {@code up}). A renamed instrument fails
 * here rather than leaving an empty panel.
 */
class DashboardMetricsEndToEndTest {

    /** The collector's prometheus exporter, which Prometheus scrapes (deploy/otel-collector/config.yaml). */
    private static final URI COLLECTOR_METRICS = URI.create(System.getProperty("collector.metrics.url",
            "http://127.0.0.1:8889/metrics"));

    /** What Prometheus asks for, so the names are the ones it stores (counters end in _total). */
    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DEPLOY = DeployDirectory.locate();

    @BeforeAll
    static void everyKindOfObservationHappened() {
        // Some series appear only after their first observation: a payment (lock wait), an invoice
        // coming back (order to invoice). Baseline traffic may be off, so make a few ourselves.
        for (int order = 0; order < 3; order++) {
            Stack.Answer placed = Stack.checkout(Stack.CallerTrace.random(),
                    "{\"accountId\":\"acc-0051\",\"items\":[{\"sku\":\"SKU-0011\",\"quantity\":1}]}");
            assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        }
    }

    @Test
    void everyDashboardQueryReadsAMetricThatExists() {
        Map<String, Set<String>> queriedBy = metricsQueriedByDashboard();
        assertFalse(queriedBy.isEmpty(), "no dashboards found under " + Dashboard.directory(DEPLOY));
        Set<String> recorded = RecordingRules.names(DEPLOY);

        // An invoice reaches checkout asynchronously, so its histogram may lag the checkouts above.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Set<String> known = new HashSet<>(recorded);
            known.addAll(scrapedNames(COLLECTOR_METRICS));
            known.addAll(namesPrometheusHas());
            Map<String, Set<String>> missing = new TreeMap<>();
            queriedBy.forEach((name, dashboards) -> {
                if (!known.contains(name)) {
                    missing.put(name, dashboards);
                }
            });
            assertEquals(Map.of(), missing, "metrics that dashboards query but nothing exposes, with the dashboards");
        });
    }

    /** Metric name to the dashboards whose queries read it. */
    private static Map<String, Set<String>> metricsQueriedByDashboard() {
        Map<String, Set<String>> queriedBy = new TreeMap<>();
        for (Dashboard dashboard : Dashboard.all(DEPLOY)) {
            for (Dashboard.Query query : dashboard.queries()) {
                for (String name : query.metricNames()) {
                    queriedBy.computeIfAbsent(name, unused -> new TreeSet<>()).add(dashboard.toString());
                }
            }
        }
        return queriedBy;
    }

    /** Sample names in the exposition: everything before the labels or the value, comments aside. */
    private static Set<String> scrapedNames(URI endpoint) {
        Set<String> names = new HashSet<>();
        for (String line : get(endpoint, OPEN_METRICS).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static Set<String> namesPrometheusHas() {
        try {
            JsonNode answer = JSON.readTree(get(Stack.PROMETHEUS.resolve("/api/v1/label/__name__/values"),
                    "application/json"));
            Set<String> names = new HashSet<>();
            answer.path("data").forEach(name -> names.add(name.asText()));
            return names;
        } catch (IOException notJson) {
            throw new IllegalStateException("Prometheus answered label values with something other than JSON", notJson);
        }
    }

    private static String get(URI uri, String accept) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Accept", accept)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), () -> uri + " answered " + response.statusCode());
            return response.body();
        } catch (IOException unreachable) {
            throw new IllegalStateException(uri + " did not answer; is ./demo up running?", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
