package io.otelref.checkout;

import static io.otelref.testing.TraceView.kind;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.HttpAttributes;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The retry storm: billing already retries the payment gateway, so every retry of checkout's on top
 * multiplies the calls that reach a failing gateway. The singleRetryLayer fix sends the authorization once.
 */
@QuarkusTest
class RetryLayersTest {

    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    private static final Predicate<SpanData> CHECKOUT_REQUEST = kind(SpanKind.SERVER)
            .and(span -> "/api/checkout".equals(span.getAttributes().get(HttpAttributes.HTTP_ROUTE)));

    @Inject
    InMemorySpanExporter spans;

    @Inject
    BillingStub billing;

    @BeforeEach
    void billingCannotAuthorize() {
        billing.reset();
        billing.priceLatency = Duration.ZERO;
        billing.authorizationFailuresToServe.set(Integer.MAX_VALUE);
        spans.reset();
    }

    @AfterEach
    void reset() {
        AdminApi.reset();
    }

    @Test
    void checkoutRetriesTheAuthorizationOnTopOfBilling() {
        assertEquals(4, authorizationAttemptsOfOneCheckout("acc-0701"), "the first attempt and three retries");
    }

    @Test
    void withASingleRetryLayerCheckoutSendsTheAuthorizationOnce() {
        AdminApi.put("/admin/fixes", "{\"singleRetryLayer\":true,\"pricingFallback\":false}");
        assertEquals(1, authorizationAttemptsOfOneCheckout("acc-0702"));
    }

    private int authorizationAttemptsOfOneCheckout(String accountId) {
        String traceId = TraceParent.random().traceId();
        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"" + accountId + "\",\"items\":[{\"sku\":\"SKU-0070\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(503);

        TraceView trace = TraceView.awaitSpan(spans, traceId, CHECKOUT_REQUEST);
        List<SpanData> attempts = trace.all(kind(SpanKind.CLIENT)
                .and(span -> String.valueOf(span.getAttributes().get(URL_FULL)).contains("/payments/authorizations")));
        assertEquals(billing.authorizationCalls.get(), attempts.size(),
                "every request billing received is a CLIENT span of the checkout:\n" + trace.describe());
        return attempts.size();
    }
}
