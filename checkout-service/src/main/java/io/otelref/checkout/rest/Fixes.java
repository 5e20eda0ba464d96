package io.otelref.checkout.rest;

import jakarta.validation.constraints.NotNull;

/** The fix switches of checkout-service, as the admin API shows and takes them. */
public record Fixes(@NotNull Boolean singleRetryLayer, @NotNull Boolean pricingFallback) {
}
