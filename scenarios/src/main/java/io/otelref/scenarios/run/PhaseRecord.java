package io.otelref.scenarios.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.otelref.loadgen.results.RunResults;
import io.otelref.loadgen.results.TracedRequest;
import io.otelref.observability.trace.Trace;

/**
 * What one load phase of a scenario left behind: the load generator's view of every request, and the traces
 * Jaeger holds for them. Signals are computed from this alone.
 *
 * @param answered        every request that was sent, as the load generator saw it end
 * @param traces          by trace id: the traces found in Jaeger for the collected requests; a trace id that
 *                        was looked up and not found is absent
 * @param injectedTraceIds traces the scenario started itself beside the load (poison records)
 */
public record PhaseRecord(
        String label,
        Instant start,
        Instant end,
        RunResults load,
        List<TracedRequest> answered,
        Map<String, Trace> traces,
        List<String> injectedTraceIds) {

    public PhaseRecord {
        answered = List.copyOf(answered);
        traces = Map.copyOf(traces);
        injectedTraceIds = List.copyOf(injectedTraceIds);
    }

    /** Traces of the requests the load generator sent (not the injected ones). */
    public List<Trace> requestTraces() {
        return answered.stream().map(request -> traces.get(request.traceId()))
                .filter(trace -> trace != null)
                .toList();
    }

    public List<TracedRequest> failed() {
        return answered.stream().filter(TracedRequest::failed).toList();
    }
}
