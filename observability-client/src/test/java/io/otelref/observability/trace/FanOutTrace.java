package io.otelref.observability.trace;

import static io.otelref.observability.trace.TestSpans.span;

import java.util.List;

/**
 * A checkout drawn by hand (milliseconds):
 *
 * <pre>
 * root      POST /api/checkout          0 ─ 100
 * price     ├ checkout.price_items      1 ─ 85    longest child, but not the last to finish
 * sku1      │ ├ GET /api/prices/{sku}   2 ─ 40    three lookups in parallel
 * sku2      │ ├ GET /api/prices/{sku}   3 ─ 84
 * sku3      │ └ GET /api/prices/{sku}   4 ─ 50
 * pay       ├ POST /api/payments...    30 ─ 90    overlaps price_items and finishes last
 * paySrv    │ └ POST /api/payments...  31 ─ 89    (billing-service)
 * auth      │   └ billing.authorize... 32 ─ 88    ERROR
 * publish   └ orders.placed publish    95 ─ 105   ends after the root: fire and forget
 * consume     └ orders.placed process 110 ─ 300   (invoice-worker)
 * </pre>
 */
public final class FanOutTrace {

    public static final TraceSpan ROOT = span("root", null, "checkout-service", "POST /api/checkout", SpanKind.SERVER, 0, 100);
    public static final TraceSpan PRICE = span("price", "root", "checkout-service", "checkout.price_items", SpanKind.INTERNAL, 1, 85);
    public static final TraceSpan SKU1 = span("sku1", "price", "checkout-service", "GET /api/prices/{sku}", SpanKind.CLIENT, 2, 40);
    public static final TraceSpan SKU2 = span("sku2", "price", "checkout-service", "GET /api/prices/{sku}", SpanKind.CLIENT, 3, 84);
    public static final TraceSpan SKU3 = span("sku3", "price", "checkout-service", "GET /api/prices/{sku}", SpanKind.CLIENT, 4, 50);
    public static final TraceSpan PAY = span("pay", "root", "checkout-service", "POST /api/payments/authorizations", SpanKind.CLIENT, 30, 90);
    public static final TraceSpan PAY_SERVER = span("paySrv", "pay", "billing-service", "POST /api/payments/authorizations", SpanKind.SERVER, 31, 89);
    public static final TraceSpan AUTHORIZE = span("auth", "paySrv", "billing-service", "billing.authorize_payment", SpanKind.INTERNAL, 32, 88,
            "otel.status_code", "ERROR", "error", "true");
    public static final TraceSpan PUBLISH = span("publish", "root", "checkout-service", "orders.placed publish", SpanKind.PRODUCER, 95, 105);
    public static final TraceSpan CONSUME = span("consume", "publish", "invoice-worker", "orders.placed process", SpanKind.CONSUMER, 110, 300);

    public static final List<TraceSpan> SPANS = List.of(CONSUME, AUTHORIZE, SKU3, ROOT, PRICE, SKU1, PUBLISH, SKU2, PAY, PAY_SERVER);

    private FanOutTrace() {
    }

    public static Trace trace() {
        return new Trace(TestSpans.TRACE_ID, SPANS);
    }
}
