package io.otelref.loadgen.results;

import java.util.Map;

/**
 * One second of the run: arrivals scheduled in it, sent requests that ended in it (shed arrivals show only in
 * {@code outcomes} and {@code errors}), and their latency percentiles (milliseconds, from intended send time;
 * NaN when nothing ended in that second).
 */
public record SecondStats(long second, long scheduled, long completed, long errors,
                          double p50Ms, double p95Ms, double p99Ms, Map<String, Long> outcomes) {
}
