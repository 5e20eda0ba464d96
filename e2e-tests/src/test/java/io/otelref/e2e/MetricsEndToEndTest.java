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

/** Prometheus sees the services, their histograms, and exemplars that lead to traces in Jaeger. */
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
    void prometheusScrapesAllThreeServices() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, String> health = Stack.prometheus.targets().stream()
                    .filter(target -> JOBS.contains(target.job()))
                    .collect(Collectors.toMap(Target::job, Target::health));
            assertEquals(Map.of("checkout-service", "up", "billing-service", "up", "invoice-worker", "up"), health);
        });
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
