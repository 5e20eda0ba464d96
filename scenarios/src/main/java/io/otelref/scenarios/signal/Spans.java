package io.otelref.scenarios.signal;

import java.util.Locale;
import java.util.function.Predicate;

import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.TraceSpan;

/** The spans the scenarios look for, named the way a trainee would search for them in Jaeger. */
public final class Spans {

    public static final String CHECKOUT = "checkout-service";
    public static final String BILLING = "billing-service";
    public static final String WORKER = "invoice-worker";

    private Spans() {
    }

    /** The SERVER span of {@code route}, e.g. {@code POST /api/checkout}. */
    public static Predicate<TraceSpan> server(String service, String route) {
        return span -> span.kind() == SpanKind.SERVER && span.service().equals(service) && span.operation().equals(route);
    }

    public static Predicate<TraceSpan> named(String service, String operation) {
        return span -> span.service().equals(service) && span.operation().equals(operation);
    }

    public static Predicate<TraceSpan> checkoutRequest() {
        return server(CHECKOUT, "POST /api/checkout");
    }

    /** Billing's SERVER span of one payment authorization request (first attempts and resends alike). */
    public static Predicate<TraceSpan> billingAuthorization() {
        return server(BILLING, "POST /api/payments/authorizations");
    }

    /** checkout's CLIENT span of one pricing call of the fan-out. */
    public static Predicate<TraceSpan> pricingCall() {
        return span -> span.kind() == SpanKind.CLIENT && span.service().equals(CHECKOUT)
                && span.operation().contains("/api/prices/");
    }

    /** billing's CLIENT span of one call to the payment gateway at {@code path}, e.g. {@code /authorizations}. */
    public static Predicate<TraceSpan> gatewayCall(String path) {
        return span -> span.kind() == SpanKind.CLIENT && span.service().equals(BILLING)
                && "payment-gateway".equals(span.tag("server.service.name").orElse(null))
                && span.tag("url.full").orElse(span.operation()).contains(path);
    }

    /** The JDBC span of {@code SELECT … FOR UPDATE} on the account row: the time spent waiting for its lock. */
    public static Predicate<TraceSpan> accountLock() {
        return span -> span.kind() == SpanKind.CLIENT && span.service().equals(BILLING)
                && statement(span).toLowerCase(Locale.ROOT).contains("for update");
    }

    /**
     * checkout's span around taking a connection from its pool: the JDBC instrumentation wraps the pool
     * itself, so a request waiting for a free connection waits inside this span.
     */
    public static Predicate<TraceSpan> connectionAcquisition() {
        return named(CHECKOUT, "DataSource.getConnection");
    }

    /** checkout's CONSUMER span of the InvoiceCreated event: the order became INVOICED. */
    public static Predicate<TraceSpan> invoiceApplied() {
        return span -> span.kind() == SpanKind.CONSUMER && span.service().equals(CHECKOUT);
    }

    public static Predicate<TraceSpan> invoiceIssued() {
        return named(BILLING, "billing.create_invoice");
    }

    public static Predicate<TraceSpan> workerInvoicing() {
        return named(WORKER, "worker.invoice_order");
    }

    private static String statement(TraceSpan jdbc) {
        return jdbc.tag("db.query.text").orElse("");
    }
}
