package io.otelref.billing.rest;

import jakarta.validation.constraints.NotNull;

/** The fix switches of billing-service, as the admin API shows and takes them. */
public record Fixes(@NotNull Boolean releaseLockBeforeGateway, @NotNull Boolean retryBudget) {
}
