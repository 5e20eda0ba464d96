package io.otelref.billing.simulation;

import java.time.Duration;

/**
 * How the simulated payment gateway answers: its latency distribution and its share of failures.
 *
 * @param baseLatency latency of every call
 * @param jitter      up to this much random latency added to every call
 * @param slowShare   share of calls (0 to 1) that take {@code slowLatency} instead
 * @param slowLatency latency of a slow call
 * @param errorRate   share of calls (0 to 1) answered with 503
 * @param captureSlowShare   share of capture calls (0 to 1) that take {@code captureSlowLatency} instead:
 *                           a real gateway may take seconds to capture, and the caller's timeout decides
 *                           whether a capture that still succeeds is reported as failed
 * @param captureSlowLatency latency of a slow capture
 */
public record GatewayBehaviour(Duration baseLatency, Duration jitter, double slowShare, Duration slowLatency,
        double errorRate, double captureSlowShare, Duration captureSlowLatency) {

    public GatewayBehaviour {
        requireNonNegative("baseLatency", baseLatency);
        requireNonNegative("jitter", jitter);
        requireNonNegative("slowLatency", slowLatency);
        requireNonNegative("captureSlowLatency", captureSlowLatency);
        requireShare("slowShare", slowShare);
        requireShare("errorRate", errorRate);
        requireShare("captureSlowShare", captureSlowShare);
    }

    static GatewayBehaviour of(GatewaySimulationConfig config) {
        return new GatewayBehaviour(config.baseLatency(), config.jitter(), config.slowShare(), config.slowLatency(),
                config.errorRate(), config.captureSlowShare(), config.captureSlowLatency());
    }

    /** Every call takes exactly {@code latency}: no jitter, no slow calls, no slow captures. */
    public GatewayBehaviour withFixedLatency(Duration latency) {
        return new GatewayBehaviour(latency, Duration.ZERO, 0, slowLatency, errorRate, 0, captureSlowLatency);
    }

    public GatewayBehaviour withErrorRate(double rate) {
        return new GatewayBehaviour(baseLatency, jitter, slowShare, slowLatency, rate, captureSlowShare, captureSlowLatency);
    }

    /** {@code share} of the captures take {@code latency}; other calls are unaffected. */
    public GatewayBehaviour withSlowCaptures(double share, Duration latency) {
        return new GatewayBehaviour(baseLatency, jitter, slowShare, slowLatency, errorRate, share, latency);
    }

    private static void requireNonNegative(String name, Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more");
        }
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1");
        }
    }
}
