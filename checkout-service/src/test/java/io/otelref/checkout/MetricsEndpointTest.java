package io.otelref.checkout;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.otelref.checkout.stub.BillingStub;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What Prometheus gets when it scrapes: OpenMetrics, so that histogram buckets carry trace ids, and
 * no exemplar on a {@code _count} line, which Prometheus 2.x would refuse along with the whole scrape.
 */
@QuarkusTest
class MetricsEndpointTest {

    /** The Accept header Prometheus sends: OpenMetrics first, plain text as a fallback. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Inject
    BillingStub billing;

    @Test
    void prometheusGetsOpenMetricsWithExemplarsOnBucketsOnly() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
        given().contentType("application/json")
                .header("traceparent", "00-" + CheckoutTracingTest.randomHex(16) + "-" + CheckoutTracingTest.randomHex(8) + "-01")
                .body("{\"accountId\":\"acc-0400\",\"items\":[{\"sku\":\"SKU-0040\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(201);

        // A bucket keeps one exemplar at a time (the sampler does not replace it on every request), so
        // the test looks for one, not for this request's.
        given().header("Accept", PROMETHEUS_ACCEPT)
                .get("/q/metrics")
                .then().statusCode(200)
                .contentType(startsWith("application/openmetrics-text"))
                .body(matchesPattern("(?s).*\\napp_checkout_duration_seconds_bucket\\{outcome=\"placed\",le=\"[^\"]+\"} [0-9.]+ # \\{[^}]*trace_id=\"[0-9a-f]{32}\"}.*"))
                .body(not(matchesPattern("(?s).*\\n\\w+_count(\\{[^\\n]*})? \\S+ # \\{.*")));
    }
}
