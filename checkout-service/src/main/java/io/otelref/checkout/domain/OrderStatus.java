package io.otelref.checkout.domain;

/** Where an order is on its way from checkout to invoice. */
public enum OrderStatus {
    /** Priced, paid for and stored; the invoice is being created asynchronously. */
    PENDING_INVOICE,
    /** invoice-worker created the invoice and checkout recorded it. */
    INVOICED
}
