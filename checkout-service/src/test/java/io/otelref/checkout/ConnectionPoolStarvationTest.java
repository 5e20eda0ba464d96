package io.otelref.checkout;

import static io.otelref.testing.TraceView.named;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A pool too small for the load: requests queue for a connection before their first statement. The
 * statement spans do not grow; the wait shows in the datasource metrics and in the JDBC wrapper's
 * {@code DataSource.getConnection} span.
 */
@QuarkusTest
class ConnectionPoolStarvationTest {

    private static final Duration HELD = Duration.ofMillis(500);
    private static final Attributes DEFAULT_DATASOURCE = Attributes.of(AttributeKey.stringKey("datasource"), "default");

    @Inject
    ExportedMetrics metrics;

    @Inject
    BillingStub billing;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void healthyBilling() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
    }

    @AfterEach
    void reset() {
        AdminApi.reset();
    }

    /** The instruments docs/services/checkout-service.md names (Micrometer's Agroal binder, through its bridge). */
    @ParameterizedTest
    @ValueSource(strings = { "agroal.awaiting.count", "agroal.blocking.time.total", "agroal.blocking.time.average",
        "agroal.blocking.time.max", "agroal.active.count", "agroal.available.count", "agroal.max.used.count",
        "agroal.acquire.count", "agroal.creation.count" })
    void thePoolMetricsAreExported(String instrument) {
        assertTrue(metrics.gauge(instrument, DEFAULT_DATASOURCE).isPresent(), instrument + " of the default datasource");
    }

    @Test
    void withOneConnectionCheckoutsQueueForItAndTheWaitShowsInTheMetricsAndTheTrace() throws Exception {
        AdminApi.put("/admin/pool", "{\"maxSize\":1}");
        double blockedBefore = metric("agroal.blocking.time.total");
        List<String> traceIds = IntStream.range(0, 4).mapToObj(caller -> TraceParent.random().traceId()).toList();
        List<CompletableFuture<Integer>> checkouts;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // The test holds the pool's only connection, so every checkout must wait for it.
            try (Connection only = dataSource.getConnection()) {
                checkouts = traceIds.stream()
                        .map(traceId -> CompletableFuture.supplyAsync(() -> checkout(traceId), callers))
                        .toList();
                Awaitility.await().atMost(Duration.ofSeconds(20))
                        .until(() -> metric("agroal.awaiting.count") >= checkouts.size());
                // Short enough to stay well inside the pool's acquisition timeout (5 s).
                Thread.sleep(HELD.toMillis());
            }
            for (CompletableFuture<Integer> checkout : checkouts) {
                assertEquals(201, checkout.join(), "a small pool makes a checkout wait, not fail");
            }
        }
        assertTrue(metric("agroal.blocking.time.total") - blockedBefore >= HELD.toMillis(),
                "the time spent waiting for a connection is counted");

        // The statements are as fast as ever; the OpenTelemetry JDBC wrapper draws the wait before them.
        long longestWaitNanos = traceIds.stream()
                .map(traceId -> TraceView.awaitSpan(spans, traceId, named("checkout.place_order")))
                .flatMap(trace -> trace.all(named("DataSource.getConnection")).stream())
                .mapToLong(wait -> wait.getEndEpochNanos() - wait.getStartEpochNanos())
                .max().orElse(0);
        assertTrue(longestWaitNanos >= HELD.toNanos(), "a DataSource.getConnection span lasts as long as the wait");
    }

    private static int checkout(String traceId) {
        return given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"acc-0510\",\"items\":[{\"sku\":\"SKU-0060\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().extract().statusCode();
    }

    /** The default datasource's latest value of one pool instrument, as the collector receives it. */
    private double metric(String name) {
        return metrics.gauge(name, DEFAULT_DATASOURCE).orElseThrow(() -> new AssertionError(name + " is exported"));
    }
}
