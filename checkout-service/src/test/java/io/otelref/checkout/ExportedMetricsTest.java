package io.otelref.checkout;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.ExemplarData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.semconv.HttpAttributes;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.TraceParent;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What checkout sends the collector for one checkout: the HTTP server and client durations under their
 * semantic-convention names and units, and its own histogram with the checkout's trace as an exemplar,
 * the link from a latency bucket in Prometheus to the trace in Jaeger.
 */
@QuarkusTest
class ExportedMetricsTest {

    @Inject
    BillingStub billing;

    @Inject
    ExportedMetrics metrics;

    @Test
    void aCheckoutIsMeasuredUnderTheConventionsNamesWithItsTraceAsExemplar() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
        String traceId = TraceParent.random().traceId();
        Attributes checkoutRoute = Attributes.of(HttpAttributes.HTTP_ROUTE, "/api/checkout",
                HttpAttributes.HTTP_REQUEST_METHOD, "POST");
        long checkoutsBefore = metrics.histogramCount("http.server.request.duration", checkoutRoute);

        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"acc-0400\",\"items\":[{\"sku\":\"SKU-0040\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(201);

        assertEquals(checkoutsBefore + 1, metrics.histogramCount("http.server.request.duration", checkoutRoute));
        assertTrue(metrics.histogramCount("http.server.request.duration",
                checkoutRoute.toBuilder().put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, 201L).build()) >= 1);
        assertEquals("s", metrics.metric("http.server.request.duration").map(MetricData::getUnit).orElse(null));

        Attributes pricing = Attributes.of(HttpAttributes.HTTP_REQUEST_METHOD, "GET",
                AttributeKey.stringKey("url.template"), "/api/prices/{sku}");
        assertTrue(metrics.histogramCount("http.client.request.duration", pricing) >= 1,
                "the pricing call is measured by its path template: " + metrics.metric("http.client.request.duration"));

        List<ExemplarData> exemplars = metrics.exemplars(CheckoutMetrics.CHECKOUT_DURATION,
                Attributes.of(CheckoutMetrics.OUTCOME, "placed"));
        assertTrue(exemplars.stream().anyMatch(exemplar -> traceId.equals(exemplar.getSpanContext().getTraceId())),
                () -> "a bucket names the checkout's trace: " + exemplars);
    }
}
