package io.otelref.scenarios.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.otelref.loadgen.results.TracedRequest;
import io.otelref.observability.jaeger.JaegerClient;
import io.otelref.observability.trace.Trace;
import io.otelref.scenarios.signal.Spans;

/**
 * Fetches a phase's traces from Jaeger once they are complete: spans arrive from four processes, and the
 * invoice path of an order finishes well after the checkout answered (much later in a queue backlog).
 */
final class TraceCollector {

    /** Enough traces for a p95 of the phase, few enough to fetch in seconds. */
    private static final int SAMPLED_KEPT = 80;
    private static final int FAILED_KEPT = 60;
    /** Spans are exported within a second (quarkus.otel.bsp.schedule.delay); late ones are retries finishing. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofSeconds(1);
    /**
     * No new span in any awaited trace for this long means the rest will not come (a request whose async path
     * is not part of its trace, at an early instrumentation phase), so waiting on to the deadline buys nothing.
     * Longer than invoice-worker's backoff between attempts at a record (up to ~15 s early on), which is
     * quiet too but not finished.
     */
    private static final Duration QUIET = Duration.ofSeconds(20);
    private static final String LOAD_GENERATOR = "load-generator";

    private final JaegerClient jaeger;

    TraceCollector(JaegerClient jaeger) {
        this.jaeger = jaeger;
    }

    /**
     * @return by trace id, every trace Jaeger has of the chosen requests: the sampled ones (evenly spread
     *         over the phase, up to {@value #SAMPLED_KEPT}), every failed one (sampled or not, up to
     *         {@value #FAILED_KEPT}: whether an unsampled failure can be found is itself a signal) and the
     *         injected ones
     */
    Map<String, Trace> collect(List<TracedRequest> answered, List<String> injectedTraceIds, Duration deadline)
            throws InterruptedException {
        Map<String, Predicate<Trace>> awaited = new LinkedHashMap<>();
        for (TracedRequest request : evenlySpread(answered.stream().filter(TracedRequest::sampled).toList(), SAMPLED_KEPT)) {
            awaited.put(request.traceId(), completeFor(request));
        }
        injectedTraceIds.forEach(id -> awaited.put(id, trace -> !trace.find(Spans.workerInvoicing()).isEmpty()));
        List<String> unsampledFailures = answered.stream()
                .filter(request -> !request.sampled() && request.traceId() != null && request.failed())
                .limit(FAILED_KEPT).map(TracedRequest::traceId).toList();
        answered.stream().filter(request -> request.sampled() && request.failed()).limit(FAILED_KEPT)
                .forEach(request -> awaited.putIfAbsent(request.traceId(), completeFor(request)));

        Map<String, Trace> found = new HashMap<>();
        List<String> incomplete = new ArrayList<>(awaited.keySet());
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        long spansSeen = 0;
        long lastProgress = System.nanoTime();
        while (!incomplete.isEmpty() && System.nanoTime() < giveUpAt && System.nanoTime() - lastProgress < QUIET.toNanos()) {
            List<String> stillIncomplete = new ArrayList<>();
            for (String traceId : incomplete) {
                jaeger.trace(traceId).ifPresent(trace -> found.put(traceId, trace));
                Trace trace = found.get(traceId);
                if (trace == null || !awaited.get(traceId).test(trace)) {
                    stillIncomplete.add(traceId);
                }
            }
            incomplete = stillIncomplete;
            long spansNow = found.values().stream().mapToLong(trace -> trace.spans().size()).sum();
            if (spansNow > spansSeen) {
                spansSeen = spansNow;
                lastProgress = System.nanoTime();
            }
            if (!incomplete.isEmpty()) {
                Thread.sleep(POLL);
            }
        }
        Thread.sleep(SETTLE);
        for (String traceId : List.copyOf(found.keySet())) {
            jaeger.trace(traceId).ifPresent(trace -> found.put(traceId, trace));
        }
        // An unsampled request was never recorded, so there is nothing to wait for: one look is the truth.
        unsampledFailures.forEach(traceId -> jaeger.trace(traceId).ifPresent(trace -> found.put(traceId, trace)));
        return found;
    }

    private static Predicate<Trace> completeFor(TracedRequest request) {
        if (request.placed()) {
            return trace -> !trace.find(Spans.invoiceApplied()).isEmpty();
        }
        // A request that failed may have no checkout span at all (refused, timed out); its root is enough,
        // and the settling look afterwards picks up what the services exported late.
        return trace -> !trace.find(span -> span.service().equals(LOAD_GENERATOR) && span.parentSpanId() == null).isEmpty();
    }

    private static <T> List<T> evenlySpread(List<T> all, int kept) {
        if (all.size() <= kept) {
            return all;
        }
        List<T> spread = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            spread.add(all.get((int) ((long) i * all.size() / kept)));
        }
        return spread;
    }
}
