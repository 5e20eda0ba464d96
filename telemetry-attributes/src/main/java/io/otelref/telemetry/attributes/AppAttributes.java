package io.otelref.telemetry.attributes;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The only place where this system's own span attributes are declared.
 *
 * <p>Everything else on our spans comes from the OpenTelemetry semantic conventions. These keys are
 * the small, stable set that lets a trace be found from a support ticket ("order X is stuck") and
 * grouped by business entity. Each is an opaque identifier or a bounded value: no names, e-mail
 * addresses or amounts that would turn a trace store into a personal-data store. The table in
 * {@code docs/telemetry/attributes.md} says what each means and why it is safe to keep; a test fails
 * when the two disagree.
 */
public final class AppAttributes {

    /** Customer account charged by the order, e.g. {@code acc-0042}. Opaque, bounded set. */
    public static final AttributeKey<String> ACCOUNT_ID = AttributeKey.stringKey("app.account.id");

    /** Order identifier (UUID) assigned by checkout-service. */
    public static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("app.order.id");

    /** Invoice identifier (UUID) assigned by billing-service. */
    public static final AttributeKey<String> INVOICE_ID = AttributeKey.stringKey("app.invoice.id");

    /** Number of distinct SKUs in the order: the width of the pricing fan-out. */
    public static final AttributeKey<Long> ORDER_SKU_COUNT = AttributeKey.longKey("app.order.sku_count");

    /** SKUs of the order priced at a remembered price because their pricing call failed (the fallback fix). */
    public static final AttributeKey<Long> PRICING_FALLBACK_COUNT = AttributeKey.longKey("app.pricing.fallback_count");

    /** True when a request was answered from a stored Idempotency-Key response instead of being executed. */
    public static final AttributeKey<Boolean> IDEMPOTENT_REPLAY = AttributeKey.booleanKey("app.idempotent_replay");

    /** Business outcome of a payment authorization: {@code authorized} or {@code declined}. */
    public static final AttributeKey<String> PAYMENT_OUTCOME = AttributeKey.stringKey("app.payment.outcome");

    /** Set on the load generator's spans: this traffic is synthetic, so dashboards and alerts can leave it out. */
    public static final AttributeKey<Boolean> SYNTHETIC = AttributeKey.booleanKey("app.synthetic");

    private AppAttributes() {
    }
}
