package io.otelref.observability.trace;

import static io.otelref.observability.trace.FanOutTrace.AUTHORIZE;
import static io.otelref.observability.trace.FanOutTrace.PAY;
import static io.otelref.observability.trace.FanOutTrace.PAY_SERVER;
import static io.otelref.observability.trace.FanOutTrace.PRICE;
import static io.otelref.observability.trace.FanOutTrace.ROOT;
import static io.otelref.observability.trace.FanOutTrace.SKU2;
import static io.otelref.observability.trace.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CriticalPathTest {

    @Test
    void followsTheChildThatFinishedLastNotTheLongestOne() {
        // price_items runs 84 ms, payments 60 ms; but payments ended last, so the root waited for it.
        assertEquals(List.of(ROOT, PAY, PAY_SERVER, AUTHORIZE), FanOutTrace.trace().criticalPath());
    }

    @Test
    void amongParallelSiblingsTheLastToFinishIsCritical() {
        Trace pricingOnly = new Trace(TestSpans.TRACE_ID, List.of(ROOT, PRICE, FanOutTrace.SKU1, SKU2, FanOutTrace.SKU3));

        assertEquals(List.of(ROOT, PRICE, SKU2), pricingOnly.criticalPath());
    }

    @Test
    void neverEntersWorkThatFinishedAfterItsParent() {
        TraceSpan request = span("r", null, "checkout-service", "POST /api/checkout", SpanKind.SERVER, 0, 50);
        TraceSpan store = span("s", "r", "checkout-service", "INSERT checkout.customer_order", SpanKind.CLIENT, 10, 20);
        TraceSpan publish = span("p", "r", "checkout-service", "orders.placed publish", SpanKind.PRODUCER, 45, 55);
        TraceSpan consume = span("c", "p", "invoice-worker", "orders.placed process", SpanKind.CONSUMER, 60, 400);

        assertEquals(List.of(request, store), new Trace(TestSpans.TRACE_ID, List.of(request, store, publish, consume)).criticalPath());
    }

    @Test
    void withoutARootStartsFromTheEarliestOrphan() {
        TraceSpan orphan = span("o", "gone", "billing-service", "POST /api/invoices", SpanKind.SERVER, 5, 30);
        TraceSpan child = span("c", "o", "billing-service", "INSERT billing.invoice", SpanKind.CLIENT, 10, 20);

        assertEquals(List.of(orphan, child), new Trace(TestSpans.TRACE_ID, List.of(child, orphan)).criticalPath());
    }

    @Test
    void aSpanThatIsItsOwnParentEndsTheWalk() {
        TraceSpan root = span("r", null, "s", "root", SpanKind.SERVER, 0, 10);
        TraceSpan loop = span("l", "l", "s", "loop", SpanKind.INTERNAL, 1, 5);
        TraceSpan pointsAtLoop = span("x", "l", "s", "child of loop", SpanKind.INTERNAL, 2, 4);

        assertEquals(List.of(root), new Trace(TestSpans.TRACE_ID, List.of(root, loop, pointsAtLoop)).criticalPath());
    }

    @Test
    void anEmptyTraceHasNoCriticalPath() {
        assertEquals(List.of(), new Trace(TestSpans.TRACE_ID, List.of()).criticalPath());
    }
}
