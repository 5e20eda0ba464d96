package io.otelref.checkout.client;

/**
 * billing-service refused a request for a reason the caller caused (unknown SKU, unknown account,
 * declined payment): retrying cannot help, so fault tolerance lets it through at once.
 *
 * @param status   billing's HTTP status
 * @param typeSlug the last segment of billing's problem type, e.g. {@code payment-declined}
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

    public String typeSlug() {
        return typeSlug;
    }
}
