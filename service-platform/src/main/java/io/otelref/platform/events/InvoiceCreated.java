package io.otelref.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Published on {@value Topics#INVOICES_CREATED} by invoice-worker, keyed by order id, once billing holds the invoice. */
public record InvoiceCreated(String eventId, String orderId, String invoiceId, BigDecimal amount, String currency,
        Instant createdAt) {
}
