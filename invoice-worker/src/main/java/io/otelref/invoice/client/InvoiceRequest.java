package io.otelref.invoice.client;

/** Body of {@code POST /api/invoices}: billing takes the amount from the order's payment authorization. */
public record InvoiceRequest(String orderId) {
}
