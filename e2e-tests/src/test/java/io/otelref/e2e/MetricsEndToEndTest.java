package io.otelref.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.otelref.observability.prometheus.Exemplar;
import io.otelref.observability.prometheus.Target;

/**
 * Prometheus has every service's metrics (sent over OTLP to the collector, which it scrapes), their histograms,
 * and exemplars that lead to traces in Jaeger.
 */
class MetricsEndToEndTest {

    private static final Set<String> JOBS = Set.of("checkout-service", "billing-service", "invoice-worker");

    @BeforeAll
    static void someCheckoutsHappened() {
        for (int order = 0; order < 5; order++) {
            Stack.Answer placed = Stack.checkout(Stack.CallerTrace.random(),
                    "{\"accountId\":\"acc-0050\",\"items\":[{\"sku\":\"SKU-0010\",\"quantity\":1}]}");
            assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        }
    }

    @Test
    void everyServicesMetricsReachPrometheusThroughTheCollector() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> health = Stack.prometheus.targets().stream()
                    .filter(target -> target.job().equals("otel-collector-metrics"))
                    .collect(Collectors.toMap(Target::job, Target::health));
            assertEquals(Map.of("otel-collector-metrics", "up"), health, "Prometheus scrapes the collector");
            // Each service's JVM metrics, under the job its service.name gives them (honor_labels).
            Set<String> reporting = Stack.prometheus.query("count by (job) (jvm_memory_used_bytes)").stream()
                    .flatMap(sample -> sample.label("job").stream())
                    .collect(Collectors.toSet());
            assertTrue(reporting.containsAll(JOBS), () -> "services with metrics in Prometheus: " + reporting);
        });
    }

    /**
     * The semantic conventions' instruments, as Prometheus names them, from the services that make them; and
     * none under Micrometer's names, which this system used before (docs/telemetry/metrics.md).
     */
    @Test
    void theConventionsInstrumentsArriveUnderTheirNames() {
        List<String> expected = List.of(
                "http_server_request_duration_seconds_count{job=\"checkout-service\",http_route=\"/api/checkout\",http_request_method=\"POST\"}",
                "http_client_request_duration_seconds_count{job=\"checkout-service\",url_template=\"/api/prices/{sku}\"}",
                "db_client_operation_duration_seconds_count{job=\"billing-service\",db_system_name=\"postgresql\"}",
                "messaging_client_sent_messages_total{job=\"checkout-service\",messaging_destination_name=\"orders.placed\"}",
                "messaging_client_operation_duration_seconds_count{job=\"invoice-worker\",messaging_destination_name=\"invoices.created\"}",
                "messaging_client_consumed_messages_total{job=\"invoice-worker\",messaging_destination_name=\"orders.placed\"}",
                "messaging_process_duration_seconds_count{job=\"checkout-service\",messaging_destination_name=\"invoices.created\"}",
                "jvm_memory_used_bytes{job=\"billing-service\",jvm_memory_type=\"heap\"}",
                "processedSpans_total{job=\"invoice-worker\",processorType=\"BatchSpanProcessor\",dropped=\"false\"}",
                "otel_sdk_exporter_span_exported_total{job=\"billing-service\",otel_component_type=\"otlp_http_span_exporter\"}",
                "otel_sdk_exporter_operation_duration_seconds_count{job=\"checkout-service\",http_response_status_code=\"200\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertEquals(
                List.of(), expected.stream().filter(selector -> Stack.prometheus.query(selector).isEmpty()).toList(),
                "instruments with no series in Prometheus"));
        assertEquals(List.of(), Stack.prometheus.query(
                "count by (__name__, job) ({__name__=~\"http_(server|client)_requests_seconds_.*\"})"),
                "no HTTP metric under Micrometer's names");
    }

    @Test
    void theCheckoutHistogramHasSamples() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(
                Stack.prometheus.scalar("sum(app_checkout_duration_seconds_count{job=\"checkout-service\"})") >= 5));
    }

    @Test
    void anExemplarLeadsFromTheHistogramToItsTraceInJaeger() {
        List<Exemplar> exemplars = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Stack.prometheus.exemplars("app_checkout_duration_seconds_bucket",
                        Instant.now().minus(Duration.ofMinutes(15)), Instant.now()), found -> !found.isEmpty());
        String traceId = exemplars.stream().flatMap(exemplar -> exemplar.traceId().stream()).findFirst()
                .orElseThrow(() -> new AssertionError("no exemplar carries a trace id: " + exemplars));
        assertFalse(Stack.jaeger.awaitTrace(traceId, trace -> !trace.spans().isEmpty(), Duration.ofSeconds(30))
                .spans().isEmpty(), "the exemplar's trace " + traceId + " is in Jaeger");
    }
}
