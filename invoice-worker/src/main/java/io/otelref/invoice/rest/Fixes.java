package io.otelref.invoice.rest;

import jakarta.validation.constraints.NotNull;

/** The fix switches of invoice-worker, as the admin API shows and takes them. */
public record Fixes(@NotNull Boolean idempotencyKeyPerOrder) {
}
