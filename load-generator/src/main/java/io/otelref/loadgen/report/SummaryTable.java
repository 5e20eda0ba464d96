package io.otelref.loadgen.report;

import java.util.Map;

import io.otelref.loadgen.config.LoadOptions;
import io.otelref.loadgen.results.LatencySummary;
import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.TracedRequest;

/** The plain-text summary printed when a run ends. */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static String of(LoadOptions options, RunResults results, Verdict verdict) {
        StringBuilder text = new StringBuilder();
        text.append("\n%s/api/checkout  target %s req/s  ran %.1f s  achieved %.1f req/s%n".formatted(
                options.target(), trim(options.rate()), results.elapsedSeconds(), results.throughput()));
        text.append("\n  outcome              count   share\n");
        for (Map.Entry<String, Long> outcome : results.outcomes().entrySet()) {
            text.append("  %-18s %8d  %5.1f%%%n".formatted(outcome.getKey(), outcome.getValue(),
                    100.0 * outcome.getValue() / Math.max(1, results.requests())));
        }
        text.append("  %-18s %8d  %5.1f%%%n".formatted("errors (all kinds)", results.errors(),
                100 * results.errorRate()));
        if (results.resends() > 0) {
            text.append("  resends with the same Idempotency-Key: %d, answered differently: %d%n".formatted(
                    results.resends(), results.resendMismatch()));
        }
        LatencySummary latency = results.latency();
        text.append("\n  latency from intended send time\n");
        text.append("  min %s  p50 %s  p90 %s  p95 %s  p99 %s  p99.9 %s  max %s%n".formatted(
                millis(latency.minMs()), millis(latency.p50Ms()), millis(latency.p90Ms()), millis(latency.p95Ms()),
                millis(latency.p99Ms()), millis(latency.p999Ms()), millis(latency.maxMs())));
        if (!results.slowest().isEmpty()) {
            text.append("\n  slowest traces (./demo trace <id>, or Jaeger)\n");
            for (TracedRequest slow : results.slowest()) {
                text.append("  %s  %s  %s%n".formatted(slow.traceId(), millis(slow.latencyMs()), slow.outcome()));
            }
        }
        long failedWithTrace = results.failed().stream().filter(failed -> failed.traceId() != null).count();
        if (failedWithTrace > 0) {
            text.append("\n  failed traces (the first few of %d errors)%n".formatted(results.failedTotal()));
            results.failed().stream().filter(failed -> failed.traceId() != null).limit(10).forEach(failed ->
                    text.append("  %s  %s  %s%n".formatted(failed.traceId(), failed.outcome(),
                            failed.status() == 0 ? "no response" : "HTTP " + failed.status())));
        }
        text.append(verdict.passed() ? "\nPASS\n" : "\nFAIL: " + String.join("; ", verdict.breaches()) + "\n");
        return text.toString();
    }

    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return value < 10 ? "%.2fms".formatted(value) : value < 1000 ? "%.0fms".formatted(value)
                : "%.2fs".formatted(value / 1000);
    }

    static String trim(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
