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

    public Duration totalDuration() {
        return rampUp.plus(duration);
    }
}
