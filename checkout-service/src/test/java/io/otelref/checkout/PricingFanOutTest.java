package io.otelref.checkout;

import static io.otelref.testing.TraceView.kind;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.junit.QuarkusTest;

/** The fan-out width set through /admin/pricing is the number of pricing calls in flight at once. */
@QuarkusTest
class PricingFanOutTest {

    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    BillingStub billing;

    @BeforeEach
    void healthyBilling() {
        billing.reset();
        spans.reset();
    }

    @AfterEach
    void reset() {
        AdminApi.reset();
    }

    @Test
    void aWidthOfOnePricesTheSkusOneAfterAnother() {
        AdminApi.put("/admin/pricing", "{\"maxConcurrency\":1}");
        TraceView trace = checkoutOfThreeSkus();
        List<SpanData> calls = pricingCalls(trace);
        for (int first = 0; first < calls.size(); first++) {
            for (int second = first + 1; second < calls.size(); second++) {
                assertFalse(TraceView.overlapInTime(calls.get(first), calls.get(second)),
                        "a serial fan-out has no two pricing calls in flight:\n" + trace.describe());
            }
        }
    }

    @Test
    void aWidthOfFourPricesThemInParallel() {
        AdminApi.put("/admin/pricing", "{\"maxConcurrency\":4}");
        TraceView trace = checkoutOfThreeSkus();
        List<SpanData> calls = pricingCalls(trace);
        assertTrue(TraceView.overlapInTime(calls.get(0), calls.get(1)) && TraceView.overlapInTime(calls.get(1), calls.get(2)),
                "the three pricing calls run at the same time:\n" + trace.describe());
    }

    private TraceView checkoutOfThreeSkus() {
        String traceId = TraceParent.random().traceId();
        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("""
                        {"accountId":"acc-0500","items":[{"sku":"SKU-0051","quantity":1},{"sku":"SKU-0052","quantity":1},\
                        {"sku":"SKU-0053","quantity":1}]}""")
                .post("/api/checkout")
                .then().statusCode(201);
        return TraceView.awaitSpan(spans, traceId, TraceView.named("checkout.price_items"));
    }

    private static List<SpanData> pricingCalls(TraceView trace) {
        List<SpanData> calls = trace.all(kind(SpanKind.CLIENT)
                .and(span -> String.valueOf(span.getAttributes().get(URL_FULL)).contains("/prices/")));
        assertEquals(3, calls.size(), trace::describe);
        return calls;
    }
}
