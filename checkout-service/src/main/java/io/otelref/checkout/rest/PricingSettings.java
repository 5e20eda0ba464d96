package io.otelref.checkout.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The pricing fan-out as the admin API shows and takes it. */
public record PricingSettings(@NotNull @Min(1) @Max(64) Integer maxConcurrency) {
}
