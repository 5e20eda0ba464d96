package io.otelref.checkout.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The database connection pool as the admin API shows and takes it. */
public record PoolSettings(@NotNull @Min(1) @Max(100) Integer maxSize) {
}
