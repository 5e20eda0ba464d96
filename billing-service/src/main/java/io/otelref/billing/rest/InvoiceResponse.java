package io.otelref.billing.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.otelref.billing.domain.Invoice;

public record InvoiceResponse(UUID invoiceId, UUID orderId, String accountId, BigDecimal amount, String currency,
        String gatewayReference, Instant createdAt) {

    static InvoiceResponse of(Invoice invoice) {
        return new InvoiceResponse(invoice.id, invoice.orderId, invoice.accountId, invoice.amount, invoice.currency,
                invoice.gatewayReference, invoice.createdAt);
    }
}
