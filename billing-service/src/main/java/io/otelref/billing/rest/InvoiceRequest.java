package io.otelref.billing.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The order whose authorized payment is captured and invoiced; sending it again under the same Idempotency-Key returns the same invoice. */
public record InvoiceRequest(
        @NotNull @Pattern(regexp = ApiPatterns.UUID, message = "must be a UUID")
        @Schema(examples = "3f0c1b5e-8a4f-4d2e-9c61-0b7d2a1e5f44") String orderId) {
}
