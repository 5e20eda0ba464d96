package io.otelref.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/**
 * One order, placed with a trace id of our choosing, followed through all three services and both
 * Kafka hops in Jaeger: the complete tree a trainee reads in the UI, asserted edge by edge.
 */
class CheckoutTraceEndToEndTest {

    private static final Stack.CallerTrace CALLER = Stack.CallerTrace.random();
    private static String orderId;
    private static Trace trace;

    @BeforeAll
    static void placeAnOrderAndWaitForItsInvoice() {
        Stack.Answer placed = Stack.checkout(CALLER, """
                {"accountId":"acc-0042","items":[{"sku":"SKU-0001","quantity":1},{"sku":"SKU-0002","quantity":2},\
                {"sku":"SKU-0003","quantity":1}]}""");
        assertEquals(201, placed.status(), () -> "checkout answered " + placed.body());
        orderId = placed.body().get("orderId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "INVOICED".equals(Stack.order(orderId).body().path("status").asText()));
        // Each service exports on its own schedule: wait until every hop the tests read has arrived.
        List<Predicate<TraceSpan>> hops = List.of(
                operation("checkout-service", "POST /api/checkout"),
                operation("checkout-service", "checkout.place_order"),
                span("checkout-service", SpanKind.PRODUCER),
                operation("billing-service", "billing.authorize_payment"),
                span("invoice-worker", SpanKind.CONSUMER),
                operation("invoice-worker", "worker.invoice_order"),
                span("invoice-worker", SpanKind.PRODUCER),
                operation("billing-service", "billing.create_invoice"),
                span("checkout-service", SpanKind.CONSUMER));
        trace = Stack.jaeger.awaitTrace(CALLER.traceId(),
                candidate -> hops.stream().allMatch(hop -> !candidate.find(hop).isEmpty()),
                Duration.ofSeconds(60));
    }

    @Test
    void allThreeServicesAreInOneTrace() {
        assertEquals(Set.of("checkout-service", "billing-service", "invoice-worker"), Set.copyOf(trace.services()));
    }

    @Test
    void theCheckoutServerSpanIsTheRootOfTheRequestAndEveryOtherParentIsInTheTrace() {
        TraceSpan server = one(operation("checkout-service", "POST /api/checkout").and(kind(SpanKind.SERVER)));
        assertEquals(CALLER.spanId(), server.parentSpanId(), "the caller's traceparent is honoured");
        assertEquals(List.of(server), trace.orphans(), "only the root's parent (the caller) is outside the trace");
    }

    @Test
    void pricingCallsAreOverlappingSiblingsEachWithItsBillingServerChild() {
        TraceSpan pricing = one(operation("checkout-service", "checkout.price_items"));
        List<TraceSpan> calls = trace.find(span("checkout-service", SpanKind.CLIENT)
                .and(s -> s.operation().contains("/api/prices/")));
        List<TraceSpan> firstAttempts = calls.stream().filter(s -> s.tag("http.request.resend_count").isEmpty()).toList();
        assertEquals(3, firstAttempts.size(), trace::toString);
        for (TraceSpan call : calls) {
            assertEquals(pricing.spanId(), call.parentSpanId(), "pricing calls are siblings");
            assertTrue(trace.children(call).stream().anyMatch(span("billing-service", SpanKind.SERVER)),
                    "each pricing call has billing's SERVER span as its child");
        }
        // Parallel means calls in flight together. Not all three need be: on two busy cores a call of a few
        // milliseconds can finish before the third virtual thread is even scheduled (seen on a fresh machine).
        // A serial fan-out would have no overlapping pair at all.
        boolean someOverlap = overlap(firstAttempts.get(0), firstAttempts.get(1)) || overlap(firstAttempts.get(1), firstAttempts.get(2))
                || overlap(firstAttempts.get(0), firstAttempts.get(2));
        assertTrue(someOverlap, () -> "the fan-out runs in parallel: " + firstAttempts);
    }

    @Test
    void paymentAuthorizationLocksTheAccountRowAndCallsTheGateway() {
        TraceSpan authorize = one(operation("billing-service", "billing.authorize_payment"));
        assertEquals(orderId, authorize.tag("app.order.id").orElseThrow());
        assertTrue(trace.find(span("billing-service", SpanKind.CLIENT)).stream()
                .filter(jdbc -> trace.isAncestor(authorize, jdbc))
                .anyMatch(jdbc -> statement(jdbc).toLowerCase().contains("for update")),
                "a JDBC span runs SELECT … FOR UPDATE under the authorization");
        TraceSpan gatewayCall = trace.find(span("billing-service", SpanKind.CLIENT)
                .and(s -> "payment-gateway".equals(s.tag("server.service.name").orElse(null)))).stream()
                .filter(call -> trace.isAncestor(authorize, call))
                .findFirst().orElseThrow(() -> new AssertionError("no payment-gateway CLIENT span under the authorization"));
        assertTrue(gatewayCall.tag("server.address").isPresent(), "the gateway call names its server");
    }

    @Test
    void theOrderCrossesKafkaToTheWorkerAndTheInvoiceComesBack() {
        TraceSpan placed = one(span("checkout-service", SpanKind.PRODUCER));
        assertEquals("checkout.place_order", trace.parent(placed).orElseThrow().operation(),
                "the outbox carries the request's context to the producer");
        TraceSpan consumed = one(span("invoice-worker", SpanKind.CONSUMER));
        assertEquals(placed.spanId(), consumed.parentSpanId(), "the worker's consumer span is under the producer span");

        TraceSpan invoicing = one(operation("invoice-worker", "worker.invoice_order"));
        assertTrue(trace.isAncestor(consumed, invoicing));
        TraceSpan createInvoice = one(operation("billing-service", "billing.create_invoice"));
        assertTrue(trace.isAncestor(invoicing, createInvoice), "the invoice is created in billing, under the worker");

        TraceSpan announced = one(span("invoice-worker", SpanKind.PRODUCER));
        TraceSpan applied = one(span("checkout-service", SpanKind.CONSUMER));
        assertEquals(announced.spanId(), applied.parentSpanId(), "invoices.created comes back to checkout");
    }

    @Test
    void businessSpansCarryTheOrderId() {
        for (String business : List.of("checkout.place_order", "billing.authorize_payment", "billing.create_invoice",
                "worker.invoice_order")) {
            List<TraceSpan> spans = trace.find(s -> s.operation().equals(business));
            assertFalse(spans.isEmpty(), business);
            spans.forEach(s -> assertEquals(orderId, s.tag("app.order.id").orElse(null), business));
        }
    }

    private static TraceSpan one(Predicate<TraceSpan> matching) {
        List<TraceSpan> found = trace.find(matching);
        assertEquals(1, found.size(), () -> "expected one matching span in\n" + trace);
        return found.getFirst();
    }

    static Predicate<TraceSpan> span(String service, SpanKind kind) {
        return s -> s.service().equals(service) && s.kind() == kind;
    }

    static Predicate<TraceSpan> operation(String service, String operation) {
        return s -> s.service().equals(service) && s.operation().equals(operation);
    }

    static Predicate<TraceSpan> kind(SpanKind kind) {
        return s -> s.kind() == kind;
    }

    private static String statement(TraceSpan jdbc) {
        return jdbc.tag("db.query.text").orElse("");
    }

    private static boolean overlap(TraceSpan first, TraceSpan second) {
        return first.start().isBefore(second.end()) && second.start().isBefore(first.end());
    }
}
