package io.otelref.loadgen.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One load run as the command line describes it.
 *
 * @param rate          target arrival rate in requests per second, reached at the end of {@code rampUp}
 * @param rampUp        time over which the arrival rate rises linearly from 0 to {@code rate}
 * @param duration      time at the full rate after the ramp-up
 * @param maxInFlight   requests outstanding at once; an arrival beyond it is shed, not queued
 * @param hotAccounts   how many accounts receive {@code hotShare} of the traffic
 * @param retryShare    share of orders sent a second time with the same Idempotency-Key
 * @param slowestKept   how many of the slowest requests' trace ids the reports list
 * @param otlpEndpoint  OTLP/HTTP base URL the client spans are exported to; none: traceparent headers only
 * @param sampleRatio   share of orders whose trace is sampled; the decision travels in traceparent
 */
public record LoadOptions(
        URI target,
        double rate,
        Duration rampUp,
        Duration duration,
        int maxInFlight,
        Duration requestTimeout,
        int hotAccounts,
        double hotShare,
        int itemsMin,
        int itemsMax,
        double retryShare,
        int slowestKept,
        Optional<Duration> maxP99,
        Optional<Double> maxErrorRate,
        Optional<Path> jsonReport,
        Optional<Path> htmlReport,
        Optional<URI> otlpEndpoint,
        double sampleRatio,
        long seed) {

    public static final int ACCOUNTS = 1000;
    public static final int SKUS = 50;

    /** The defaults of the command line (LoadOptionsParser.USAGE), for callers that build a run in code. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_ITEMS_MIN = 1;
    public static final int DEFAULT_ITEMS_MAX = 3;
    public static final int DEFAULT_SLOWEST = 10;

    /**
     * Steady open-model load of ordinary orders (1 to 3 lines, spread over all accounts, no resends), as the
     * command line gives it without options but the rate, duration and span export.
     */
    public static LoadOptions openModel(URI target, double rate, Duration duration, Optional<URI> otlpEndpoint, long seed) {
        return new LoadOptions(target, rate, Duration.ZERO, duration, DEFAULT_MAX_IN_FLIGHT, DEFAULT_TIMEOUT, 0, 0,
                DEFAULT_ITEMS_MIN, DEFAULT_ITEMS_MAX, 0, DEFAULT_SLOWEST, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), otlpEndpoint, 1, seed);
    }

    public Duration totalDuration() {
        return rampUp.plus(duration);
    }
}
