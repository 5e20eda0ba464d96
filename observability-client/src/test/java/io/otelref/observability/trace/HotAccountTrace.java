package io.otelref.observability.trace;

import static io.otelref.observability.trace.TestSpans.spanMicros;

import java.util.List;

/**
 * A checkout of the hot-account scenario, drawn by hand on the shape of the real one (milliseconds,
 * microsecond digits): billing's {@code SELECT ... FOR UPDATE} of the account row waits 1262 ms for
 * the lock that another authorization holds across its gateway call.
 *
 * <pre>
 * root    POST /api/checkout                       0.000 ─ 1401.000
 * claim   ├ INSERT checkout.idempotency_record     0.300 ─    1.100
 * place   └ checkout.place_order                   1.500 ─ 1399.000
 * price     ├ checkout.price_items                 2.000 ─   52.000
 * sku1      │ ├ GET /api/prices/{sku}              2.200 ─   31.000
 * sku2      │ ├ GET /api/prices/{sku}              2.300 ─   51.000   the slowest of the three
 * sku3      │ └ GET /api/prices/{sku}              2.400 ─   40.000
 * pay       ├ POST /api/payments/authorizations   53.000 ─ 1390.000
 * paySrv    │ └ POST /api/payments/... (billing)  54.000 ─ 1389.000
 * auth      │   └ billing.authorize_payment       55.000 ─ 1388.000
 * lock      │     ├ SELECT billing.account        56.000 ─ 1318.000   1262 ms waiting for the row lock
 * gateway   │     ├ POST (payment-gateway)      1319.000 ─ 1380.000
 * debit     │     └ UPDATE billing.account      1381.000 ─ 1387.000
 * order     ├ INSERT checkout.customer_order    1391.000 ─ 1394.000
 * idem      └ UPDATE checkout.idempotency_record 1398.500 ─ 1398.750   0.25 ms, and the last to finish
 * </pre>
 */
public final class HotAccountTrace {

    private static final String CHECKOUT = "checkout-service";
    private static final String BILLING = "billing-service";

    public static final TraceSpan ROOT = spanMicros("root", null, CHECKOUT, "POST /api/checkout", SpanKind.SERVER, 0, 1_401_000);
    public static final TraceSpan CLAIM = spanMicros("claim", "root", CHECKOUT, "INSERT checkout.idempotency_record", SpanKind.CLIENT, 300, 1_100);
    public static final TraceSpan PLACE = spanMicros("place", "root", CHECKOUT, "checkout.place_order", SpanKind.INTERNAL, 1_500, 1_399_000);
    public static final TraceSpan PRICE = spanMicros("price", "place", CHECKOUT, "checkout.price_items", SpanKind.INTERNAL, 2_000, 52_000);
    public static final TraceSpan SKU1 = spanMicros("sku1", "price", CHECKOUT, "GET /api/prices/{sku}", SpanKind.CLIENT, 2_200, 31_000);
    public static final TraceSpan SKU2 = spanMicros("sku2", "price", CHECKOUT, "GET /api/prices/{sku}", SpanKind.CLIENT, 2_300, 51_000);
    public static final TraceSpan SKU3 = spanMicros("sku3", "price", CHECKOUT, "GET /api/prices/{sku}", SpanKind.CLIENT, 2_400, 40_000);
    public static final TraceSpan PAY = spanMicros("pay", "place", CHECKOUT, "POST /api/payments/authorizations", SpanKind.CLIENT, 53_000, 1_390_000);
    public static final TraceSpan PAY_SERVER = spanMicros("paySrv", "pay", BILLING, "POST /api/payments/authorizations", SpanKind.SERVER, 54_000, 1_389_000);
    public static final TraceSpan AUTHORIZE = spanMicros("auth", "paySrv", BILLING, "billing.authorize_payment", SpanKind.INTERNAL, 55_000, 1_388_000);
    public static final TraceSpan LOCK = spanMicros("lock", "auth", BILLING, "SELECT billing.account", SpanKind.CLIENT, 56_000, 1_318_000,
            "db.query.text", "select a.id, a.credit_limit from account a where a.id=? for update");
    public static final TraceSpan GATEWAY = spanMicros("gateway", "auth", BILLING, "POST", SpanKind.CLIENT, 1_319_000, 1_380_000,
            "server.service.name", "payment-gateway");
    public static final TraceSpan DEBIT = spanMicros("debit", "auth", BILLING, "UPDATE billing.account", SpanKind.CLIENT, 1_381_000, 1_387_000);
    public static final TraceSpan ORDER = spanMicros("order", "place", CHECKOUT, "INSERT checkout.customer_order", SpanKind.CLIENT, 1_391_000, 1_394_000);
    public static final TraceSpan IDEMPOTENCY = spanMicros("idem", "place", CHECKOUT, "UPDATE checkout.idempotency_record", SpanKind.CLIENT,
            1_398_500, 1_398_750);

    public static final List<TraceSpan> SPANS = List.of(IDEMPOTENCY, LOCK, ROOT, SKU3, PAY_SERVER, CLAIM, GATEWAY, PLACE, PRICE, SKU1, SKU2,
            DEBIT, PAY, AUTHORIZE, ORDER);

    private HotAccountTrace() {
    }

    public static Trace trace() {
        return new Trace(TestSpans.TRACE_ID, SPANS);
    }
}
