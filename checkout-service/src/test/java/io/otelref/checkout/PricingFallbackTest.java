package io.otelref.checkout;

import static io.otelref.testing.TraceView.kind;
import static io.otelref.testing.TraceView.named;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * One branch of the pricing fan-out fails. Without the fix the whole checkout fails with it; with the
 * pricingFallback fix the SKU is priced at its last quote and the order goes through, while the trace
 * still shows the failed calls.
 */
@QuarkusTest
class PricingFallbackTest {

    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    BillingStub billing;

    @BeforeEach
    void healthyBilling() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
        spans.reset();
    }

    @AfterEach
    void reset() {
        AdminApi.reset();
    }

    @Test
    void withoutTheFixOneFailingSkuFailsTheCheckout() {
        checkoutInANewTrace("acc-0801", "SKU-0081", "SKU-0082").statusCode(201);
        billing.unavailableSkus.add("SKU-0082");

        checkoutInANewTrace("acc-0801", "SKU-0081", "SKU-0082")
                .statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", endsWith("/dependency-unavailable"));
        assertEquals(1, billing.authorizationCalls.get(), "only the order that could be priced was paid for");
    }

    @Test
    void withTheFixAFailedSkuIsPricedAtItsLastQuoteAndTheOrderIsPlaced() {
        AdminApi.put("/admin/fixes", "{\"singleRetryLayer\":false,\"pricingFallback\":true}");
        checkoutInANewTrace("acc-0802", "SKU-0083", "SKU-0084").statusCode(201);
        billing.unavailableSkus.add("SKU-0084");
        String traceId = TraceParent.random().traceId();

        checkout(traceId, "acc-0802", "SKU-0083", "SKU-0084")
                .statusCode(201)
                .body("lines[1].sku", equalTo("SKU-0084"))
                .body("lines[1].unitPrice", equalTo(BillingStub.UNIT_PRICE.floatValue()))
                .body("total", equalTo(BillingStub.UNIT_PRICE.floatValue() * 2));

        TraceView trace = TraceView.awaitSpan(spans, traceId, named("checkout.place_order"));
        SpanData pricing = trace.one(named("checkout.price_items"));
        assertEquals(1L, pricing.getAttributes().get(AppAttributes.PRICING_FALLBACK_COUNT), trace::describe);
        assertEquals(StatusCode.UNSET, pricing.getStatus().getStatusCode(), "the fallback answered for the failed call");
        List<SpanData> failedCalls = trace.all(kind(SpanKind.CLIENT)
                .and(span -> String.valueOf(span.getAttributes().get(URL_FULL)).endsWith("/prices/SKU-0084")));
        assertFalse(failedCalls.isEmpty(), trace::describe);
        failedCalls.forEach(call -> assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode(),
                "the failed pricing calls stay visible as errors"));
        assertEquals(StatusCode.UNSET, trace.one(named("checkout.place_order")).getStatus().getStatusCode());
    }

    @Test
    void withTheFixASkuNeverQuotedStillFailsTheCheckoutNamingIt() {
        AdminApi.put("/admin/fixes", "{\"singleRetryLayer\":false,\"pricingFallback\":true}");
        billing.unavailableSkus.add("SKU-0089");
        String traceId = TraceParent.random().traceId();

        checkout(traceId, "acc-0803", "SKU-0085", "SKU-0089")
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", endsWith("/dependency-unavailable"))
                .body("errors[0].field", equalTo("items[1].sku"));
        assertEquals(0, billing.authorizationCalls.get());

        TraceView trace = TraceView.awaitSpan(spans, traceId, named("checkout.place_order"));
        assertEquals(0L, trace.one(named("checkout.price_items")).getAttributes().get(AppAttributes.PRICING_FALLBACK_COUNT));
    }

    @Test
    void withoutTheFixThePricingSpanCarriesNoFallbackCount() {
        String traceId = TraceParent.random().traceId();
        checkout(traceId, "acc-0804", "SKU-0086").statusCode(201);
        TraceView trace = TraceView.awaitSpan(spans, traceId, named("checkout.place_order"));
        assertNull(trace.one(named("checkout.price_items")).getAttributes().get(AppAttributes.PRICING_FALLBACK_COUNT));
    }

    private static ValidatableResponse checkoutInANewTrace(String accountId, String... skus) {
        return checkout(TraceParent.random().traceId(), accountId, skus);
    }

    private static ValidatableResponse checkout(String traceId, String accountId, String... skus) {
        StringBuilder items = new StringBuilder();
        for (String sku : skus) {
            items.append(items.isEmpty() ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":1}");
        }
        return given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"" + accountId + "\",\"items\":[" + items + "]}")
                .post("/api/checkout")
                .then().log().ifValidationFails();
    }
}
