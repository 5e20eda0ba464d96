package io.otelref.loadgen.report;

import java.util.ArrayList;
import java.util.List;

import io.otelref.loadgen.config.DurationArgument;
import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.results.RunResults;

/** Whether a run met the --max-p99 and --max-error-rate thresholds; each breach says by how much. */
public record Verdict(List<String> breaches) {

    public static Verdict of(LoadOptions options, RunResults results) {
        List<String> breaches = new ArrayList<>();
        options.maxP99().ifPresent(limit -> {
            double p99 = results.latency().p99Ms();
            if (p99 > limit.toMillis()) {
                breaches.add("p99 %.1f ms exceeds --max-p99 %s".formatted(p99, DurationArgument.format(limit)));
            }
        });
        options.maxErrorRate().ifPresent(limit -> {
            if (results.errorRate() > limit) {
                breaches.add("error rate %.4f exceeds --max-error-rate %s".formatted(results.errorRate(), limit));
            }
        });
        return new Verdict(List.copyOf(breaches));
    }

    public boolean passed() {
        return breaches.isEmpty();
    }
}
