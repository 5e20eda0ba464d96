package io.otelref.invoice.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How invoice-worker consumes right now, as the admin API shows and takes it. */
public record Behaviour(
        @NotNull @Min(0) @Max(600_000) Long processingDelayMs,
        @NotNull @Min(1) @Max(MAX_CONCURRENCY) Integer concurrency,
        @NotNull Boolean paused) {

    /**
     * The connector's own limit, {@code smallrye.messaging.worker.<virtual-thread>.max-concurrency}: no
     * more records than that reach the worker at once.
     */
    static final int MAX_CONCURRENCY = 64;
}
