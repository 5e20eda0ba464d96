package io.otelref.checkout;

import static io.otelref.testing.TraceView.kind;
import static io.otelref.testing.TraceView.named;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.semconv.ErrorAttributes;
import io.opentelemetry.semconv.HttpAttributes;
import io.otelref.checkout.stub.BillingStub;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.junit.QuarkusTest;

/** The span tree of one checkout, as a trainee will read it in Jaeger. */
@QuarkusTest
class CheckoutTracingTest {

    private static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");

    /** The relay may publish before the request's own SERVER span has ended: tests wait for both. */
    private static final Predicate<SpanData> CHECKOUT_REQUEST = kind(SpanKind.SERVER).and(route("/api/checkout"));

    @Inject
    InMemorySpanExporter spans;

    @Inject
    BillingStub billing;

    @Inject
    ExportedMetrics metrics;

    @BeforeEach
    void reset() {
        billing.reset();
        spans.reset();
    }

    @Test
    void oneCheckoutIsOneTreeFromTheCallersSpanToTheKafkaProducer() {
        TraceParent caller = TraceParent.random();
        String traceId = caller.traceId();
        String orderId = given().contentType("application/json")
                .header("traceparent", caller.headerValue())
                .body("""
                        {"accountId":"acc-0007","items":[{"sku":"SKU-0001","quantity":1},{"sku":"SKU-0002","quantity":2},\
                        {"sku":"SKU-0003","quantity":3}]}""")
                .post("/api/checkout")
                .then().statusCode(201)
                .extract().path("orderId");

        TraceView trace = TraceView.awaitSpans(spans, traceId, kind(SpanKind.PRODUCER), CHECKOUT_REQUEST);

        SpanData server = trace.one(kind(SpanKind.SERVER).and(route("/api/checkout")));
        assertEquals(caller.parentSpanId(), server.getParentSpanId(), "the caller's traceparent is honoured");

        SpanData placeOrder = trace.one(named("checkout.place_order"));
        assertEquals(server.getSpanId(), placeOrder.getParentSpanId());
        assertEquals(orderId, placeOrder.getAttributes().get(AppAttributes.ORDER_ID));
        assertEquals("acc-0007", placeOrder.getAttributes().get(AppAttributes.ACCOUNT_ID));
        assertEquals("authorized", placeOrder.getAttributes().get(AppAttributes.PAYMENT_OUTCOME));

        SpanData pricing = trace.one(named("checkout.price_items"));
        assertEquals(placeOrder.getSpanId(), pricing.getParentSpanId());
        assertEquals(3L, pricing.getAttributes().get(AppAttributes.ORDER_SKU_COUNT));
        List<SpanData> priceCalls = trace.all(kind(SpanKind.CLIENT).and(url("/prices/")));
        for (SpanData call : priceCalls) {
            assertEquals(pricing.getSpanId(), call.getParentSpanId(), "pricing calls are siblings under price_items");
        }
        List<SpanData> firstAttempts = priceCalls.stream()
                .filter(call -> call.getAttributes().get(HttpAttributes.HTTP_REQUEST_RESEND_COUNT) == null)
                .toList();
        assertEquals(3, firstAttempts.size(), "one first attempt per SKU:\n" + trace.describe());
        assertTrue(TraceView.overlapInTime(firstAttempts.get(0), firstAttempts.get(1))
                && TraceView.overlapInTime(firstAttempts.get(1), firstAttempts.get(2)),
                "the fan-out runs in parallel:\n" + trace.describe());

        SpanData payment = trace.one(kind(SpanKind.CLIENT).and(url("/payments/authorizations")));
        assertEquals(placeOrder.getSpanId(), payment.getParentSpanId());
        assertTrue(payment.getStartEpochNanos() >= pricing.getEndEpochNanos(), "payment follows pricing");

        List<SpanData> inserts = trace.all(databaseSpan().and(span -> span.getName().startsWith("INSERT")));
        assertFalse(inserts.isEmpty(), trace::describe);
        inserts.forEach(insert -> assertTrue(trace.isAncestor(placeOrder, insert)));

        SpanData producer = trace.one(kind(SpanKind.PRODUCER));
        assertEquals(placeOrder.getSpanId(), producer.getParentSpanId(),
                "the outbox carries the request's context to the relay's Kafka send");
        assertEquals("test.orders.placed",
                producer.getAttributes().get(AttributeKey.stringKey("messaging.destination.name")));

        trace.assertEveryParentPresentExcept(server);
    }

    @Test
    void aSkuOrderedOnSeveralLinesIsPricedOnce() {
        String traceId = TraceParent.random().traceId();
        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"acc-0008\",\"items\":[{\"sku\":\"SKU-0001\",\"quantity\":1},{\"sku\":\"SKU-0001\",\"quantity\":2}]}")
                .post("/api/checkout")
                .then().statusCode(201);
        TraceView trace = TraceView.awaitSpans(spans, traceId, kind(SpanKind.PRODUCER), CHECKOUT_REQUEST);
        assertEquals(1, trace.all(kind(SpanKind.CLIENT).and(url("/prices/"))).size(), trace::describe);
    }

    @Test
    void retriesAreVisibleAsResendsAndCounted() {
        billing.priceFailuresToServe.set(2);
        double retriesBefore = retriesOf("priceOf");
        String traceId = TraceParent.random().traceId();
        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"acc-0009\",\"items\":[{\"sku\":\"SKU-0011\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(201);

        TraceView trace = TraceView.awaitSpans(spans, traceId, kind(SpanKind.PRODUCER), CHECKOUT_REQUEST);
        List<SpanData> attempts = trace.all(kind(SpanKind.CLIENT).and(url("/prices/")));
        assertEquals(3, attempts.size(), trace::describe);
        List<Long> resendCounts = attempts.stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .map(attempt -> attempt.getAttributes().get(HttpAttributes.HTTP_REQUEST_RESEND_COUNT))
                .toList();
        assertNull(resendCounts.get(0), "the first attempt is not a resend");
        assertEquals(List.of(1L, 2L), resendCounts.subList(1, 3));
        assertEquals(StatusCode.ERROR, attempts.stream()
                .filter(attempt -> attempt.getAttributes().get(HttpAttributes.HTTP_REQUEST_RESEND_COUNT) == null)
                .findFirst().orElseThrow().getStatus().getStatusCode(), "a failed attempt is an ERROR client span");
        assertEquals(retriesBefore + 2, retriesOf("priceOf"), 0.0);
    }

    @Test
    void anUnavailableDependencyMarksTheBusinessSpanAsError() {
        billing.down = true;
        String traceId = TraceParent.random().traceId();
        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"acc-0010\",\"items\":[{\"sku\":\"SKU-0012\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(503);

        TraceView trace = TraceView.awaitSpan(spans, traceId, kind(SpanKind.SERVER).and(route("/api/checkout")));
        SpanData server = trace.one(kind(SpanKind.SERVER).and(route("/api/checkout")));
        assertEquals(StatusCode.ERROR, server.getStatus().getStatusCode());
        assertEquals("503", server.getAttributes().get(ErrorAttributes.ERROR_TYPE));
        SpanData placeOrder = trace.one(named("checkout.place_order"));
        assertEquals(StatusCode.ERROR, placeOrder.getStatus().getStatusCode());
        assertEquals("dependency-unavailable", placeOrder.getAttributes().get(ErrorAttributes.ERROR_TYPE));
        assertFalse(placeOrder.getEvents().isEmpty(), "the exception is recorded as a span event");
    }

    @Test
    void aDeclineIsABusinessOutcomeNotAnError() {
        billing.decliningAccounts.add("acc-0998");
        String traceId = TraceParent.random().traceId();
        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"acc-0998\",\"items\":[{\"sku\":\"SKU-0013\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(402);

        TraceView trace = TraceView.awaitSpan(spans, traceId, kind(SpanKind.SERVER).and(route("/api/checkout")));
        SpanData server = trace.one(kind(SpanKind.SERVER).and(route("/api/checkout")));
        assertEquals(StatusCode.UNSET, server.getStatus().getStatusCode(), "4xx is not a server error");
        SpanData placeOrder = trace.one(named("checkout.place_order"));
        assertEquals(StatusCode.UNSET, placeOrder.getStatus().getStatusCode());
        assertEquals("declined", placeOrder.getAttributes().get(AppAttributes.PAYMENT_OUTCOME));
    }

    @Test
    void theRelaysOwnBookkeepingMakesNoTraces() {
        String traceId = TraceParent.random().traceId();
        given().contentType("application/json")
                .header("traceparent", TraceParent.inTrace(traceId).headerValue())
                .body("{\"accountId\":\"acc-0011\",\"items\":[{\"sku\":\"SKU-0014\",\"quantity\":1}]}")
                .post("/api/checkout")
                .then().statusCode(201);
        TraceView.awaitSpans(spans, traceId, kind(SpanKind.PRODUCER), CHECKOUT_REQUEST);
        // Two more polls of the relay, each of which would have made its own trace.
        Awaitility.await().pollDelay(Duration.ofMillis(2500)).until(() -> true);

        List<SpanData> relayQueries = spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().contains("outbox_event") && !span.getName().startsWith("INSERT"))
                .toList();
        assertEquals(List.of(), relayQueries, "leasing and marking outbox rows is not traced");
    }

    private double retriesOf(String operation) {
        return metrics.counter("app.dependency.retries", Attributes.of(AttributeKey.stringKey("dependency"), "billing-service",
                AttributeKey.stringKey("operation"), operation));
    }

    private static Predicate<SpanData> route(String route) {
        return span -> route.equals(span.getAttributes().get(HttpAttributes.HTTP_ROUTE));
    }

    private static Predicate<SpanData> url(String fragment) {
        return span -> String.valueOf(span.getAttributes().get(URL_FULL)).contains(fragment);
    }

    private static Predicate<SpanData> databaseSpan() {
        return span -> span.getKind() == SpanKind.CLIENT
                && span.getAttributes().asMap().keySet().stream().anyMatch(key -> key.getKey().startsWith("db."));
    }
}
