package io.otelref.loadgen.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    /** The same run with orders of {@code min} to {@code max} distinct SKUs ({@code --items-min}, {@code --items-max}). */
    public LoadOptions withItems(int min, int max) {
        if (min < 1 || min > max || max > SKUS) {
            throw new IllegalArgumentException("items from " + min + " to " + max + ": need 1 <= min <= max <= " + SKUS);
        }
        return new LoadOptions(target, rate, rampUp, duration, maxInFlight, requestTimeout, hotAccounts, hotShare, min, max,
                retryShare, slowestKept, maxP99, maxErrorRate, jsonReport, htmlReport, otlpEndpoint, sampleRatio, seed);
    }

    /** The same run with {@code share} of the orders on {@code accounts} accounts ({@code --hot-accounts}, {@code --hot-share}). */
    public LoadOptions withHotAccounts(int accounts, double share) {
        if (accounts < 1 || accounts > ACCOUNTS || share < 0 || share > 1) {
            throw new IllegalArgumentException(share + " of the orders on " + accounts + " accounts: need 1 to " + ACCOUNTS
                    + " accounts and a share from 0 to 1");
        }
        return new LoadOptions(target, rate, rampUp, duration, maxInFlight, requestTimeout, accounts, share, itemsMin,
                itemsMax, retryShare, slowestKept, maxP99, maxErrorRate, jsonReport, htmlReport, otlpEndpoint, sampleRatio, seed);
    }

    /** The same run with {@code ratio} of its orders traced as sampled ({@code --sample-ratio}). */
    public LoadOptions withSampleRatio(double ratio) {
        if (ratio < 0 || ratio > 1) {
            throw new IllegalArgumentException("a sample ratio is from 0 to 1, not " + ratio);
        }
        return new LoadOptions(target, rate, rampUp, duration, maxInFlight, requestTimeout, hotAccounts, hotShare, itemsMin,
                itemsMax, retryShare, slowestKept, maxP99, maxErrorRate, jsonReport, htmlReport, otlpEndpoint, ratio, seed);
    }

    /**
     * The load generator's flags that make this same run, defaults left out and the seed in: what a caller that
     * built the run in code prints, so that it can be rerun by hand. {@code LoadOptionsParser.parse} of it gives
     * this run back.
     */
    public List<String> commandLine() {
        List<String> flags = new ArrayList<>(List.of("--target", target.toString(), "--rate", String.valueOf(rate)));
        if (!rampUp.isZero()) {
            flags.addAll(List.of("--ramp-up", DurationArgument.format(rampUp)));
        }
        flags.addAll(List.of("--duration", DurationArgument.format(duration)));
        if (maxInFlight != DEFAULT_MAX_IN_FLIGHT) {
            flags.addAll(List.of("--max-in-flight", String.valueOf(maxInFlight)));
        }
        if (!requestTimeout.equals(DEFAULT_TIMEOUT)) {
            flags.addAll(List.of("--timeout", DurationArgument.format(requestTimeout)));
        }
        if (hotAccounts > 0) {
            flags.addAll(List.of("--hot-accounts", String.valueOf(hotAccounts), "--hot-share", String.valueOf(hotShare)));
        }
        if (itemsMin != DEFAULT_ITEMS_MIN || itemsMax != DEFAULT_ITEMS_MAX) {
            flags.addAll(List.of("--items-min", String.valueOf(itemsMin), "--items-max", String.valueOf(itemsMax)));
        }
        if (retryShare > 0) {
            flags.addAll(List.of("--retry-share", String.valueOf(retryShare)));
        }
        if (slowestKept != DEFAULT_SLOWEST) {
            flags.addAll(List.of("--slowest", String.valueOf(slowestKept)));
        }
        maxP99.ifPresent(limit -> flags.addAll(List.of("--max-p99", DurationArgument.format(limit))));
        maxErrorRate.ifPresent(limit -> flags.addAll(List.of("--max-error-rate", String.valueOf(limit))));
        jsonReport.ifPresent(file -> flags.addAll(List.of("--report", file.toString())));
        htmlReport.ifPresent(file -> flags.addAll(List.of("--html", file.toString())));
        otlpEndpoint.ifPresent(endpoint -> flags.addAll(List.of("--otlp", endpoint.toString())));
        if (sampleRatio != 1) {
            flags.addAll(List.of("--sample-ratio", String.valueOf(sampleRatio)));
        }
        flags.addAll(List.of("--seed", String.valueOf(seed)));
        return flags;
    }

    public Duration totalDuration() {
        return rampUp.plus(duration);
    }
}
