package io.otelref.billing.simulation;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The start values of {@link GatewaySimulation}. */
@ConfigMapping(prefix = "billing.gateway.simulation")
public interface GatewaySimulationConfig {

    /** Latency of every call. */
    @WithDefault("40ms")
    Duration baseLatency();

    /** Up to this much random latency is added to every call. */
    @WithDefault("60ms")
    Duration jitter();

    /** Share of calls (0 to 1) that take {@link #slowLatency()} instead: the long tail. */
    @WithDefault("0.02")
    double slowShare();

    @WithDefault("1500ms")
    Duration slowLatency();

    /** Share of calls (0 to 1) answered with 503 Service Unavailable. */
    @WithDefault("0.05")
    double errorRate();

    /** Share of capture calls (0 to 1) that take {@link #captureSlowLatency()}; authorizations are unaffected. */
    @WithDefault("0")
    double captureSlowShare();

    @WithDefault("3500ms")
    Duration captureSlowLatency();
}
