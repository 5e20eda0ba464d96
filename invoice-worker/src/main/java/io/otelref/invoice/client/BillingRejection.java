package io.otelref.invoice.client;

/**
 * billing-service refused the request for a reason no retry can fix, such as an order it holds no
 * payment authorization for: fault tolerance lets it through at once and it never opens the breaker.
 */
public class BillingRejection extends RuntimeException {

    private final int status;
    private final String typeSlug;

    public BillingRejection(int status, String typeSlug, String detail) {
        super(detail);
        this.status = status;
        this.typeSlug = typeSlug;
    }

    public int status() {
        return status;
    }

    /** The last segment of billing's problem type, e.g. {@code unknown-order}. */
    public String typeSlug() {
        return typeSlug;
    }
}
