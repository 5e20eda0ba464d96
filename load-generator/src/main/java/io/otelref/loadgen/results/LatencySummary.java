package io.otelref.loadgen.results;

import org.HdrHistogram.Histogram;

/** Percentiles in milliseconds of latencies recorded in microseconds. */
public record LatencySummary(long count, double minMs, double meanMs, double p50Ms, double p90Ms, double p95Ms,
                             double p99Ms, double p999Ms, double maxMs) {

    static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(micros.getTotalCount(), ms(micros.getMinValue()), micros.getMean() / 1000,
                percentile(micros, 50), percentile(micros, 90), percentile(micros, 95),
                percentile(micros, 99), percentile(micros, 99.9), ms(micros.getMaxValue()));
    }

    static double percentile(Histogram micros, double percentile) {
        return micros.getTotalCount() == 0 ? Double.NaN : ms(micros.getValueAtPercentile(percentile));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
