package io.otelref.invoice.client;

import java.math.BigDecimal;
import java.time.Instant;

/** An invoice as billing-service returns it; billing holds at most one per idempotency key. */
public record Invoice(String invoiceId, String orderId, String accountId, BigDecimal amount, String currency,
        String gatewayReference, Instant createdAt) {
}
