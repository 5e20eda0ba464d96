package io.otelref.billing.rest;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import io.otelref.billing.simulation.GatewayBehaviour;

/** The simulated payment gateway's behaviour as the admin API shows and takes it, in milliseconds. */
public record GatewayFaults(
        @NotNull @Min(0) @Max(60_000) Long baseLatencyMs,
        @NotNull @Min(0) @Max(60_000) Long jitterMs,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double slowShare,
        @NotNull @Min(0) @Max(60_000) Long slowLatencyMs,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double errorRate,
        @NotNull @DecimalMin("0") @DecimalMax("1") Double captureSlowShare,
        @NotNull @Min(0) @Max(60_000) Long captureSlowLatencyMs) {

    static GatewayFaults of(GatewayBehaviour behaviour) {
        return new GatewayFaults(behaviour.baseLatency().toMillis(), behaviour.jitter().toMillis(), behaviour.slowShare(),
                behaviour.slowLatency().toMillis(), behaviour.errorRate(), behaviour.captureSlowShare(),
                behaviour.captureSlowLatency().toMillis());
    }

    GatewayBehaviour toBehaviour() {
        return new GatewayBehaviour(Duration.ofMillis(baseLatencyMs), Duration.ofMillis(jitterMs), slowShare,
                Duration.ofMillis(slowLatencyMs), errorRate, captureSlowShare, Duration.ofMillis(captureSlowLatencyMs));
    }
}
