package io.otelref.scenarios.signal;

import java.util.Collection;

/** Nearest-rank percentiles of the few hundred values a scenario phase measures: exact, no interpolation. */
public final class Percentiles {

    private Percentiles() {
    }

    /** @return NaN for no values */
    public static double of(Collection<Double> values, double percentile) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percentile / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    public static double mean(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
