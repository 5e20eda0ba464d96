package io.otelref.platform.training;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * Training only, not a pattern to copy: how far along the adoption runbook (docs/runbook/) this system runs: {@code otelref.instrumentation.phase}
 * (env {@code OTELREF_INSTRUMENTATION_PHASE}), 0 to 6, read at start-up, so one build runs every phase.
 *
 * <table>
 * <caption>What each phase switches on</caption>
 * <tr><th>Phase</th><th>Instrumentation</th></tr>
 * <tr><td>0, 1</td><td>Logs only: the start script disables the OpenTelemetry SDK ({@code quarkus.otel.sdk.disabled}),
 * so nothing here matters, and no metric leaves either (they go through the SDK too). Phase 1 chooses the path and its questions: a decision, not code.</td></tr>
 * <tr><td>2</td><td>Root and dependency spans, as Quarkus makes them: inbound HTTP, outbound HTTP, JDBC, Kafka
 * publish and consume. No business spans, no {@code app.*} attributes.</td></tr>
 * <tr><td>3</td><td>+ the business spans and the stable {@code app.*} attribute set (docs/telemetry/attributes.md).</td></tr>
 * <tr><td>4, 5</td><td>+ exemplars: latency buckets name a trace. The start script switches the SDK's exemplar filter
 * ({@code quarkus.otel.metrics.exemplar.filter}) from {@code always_off} to {@code trace_based}, so nothing here
 * matters either. Phase 5 uses them in incident analysis.</td></tr>
 * <tr><td>6</td><td>+ the async path joined to the request's trace through the outbox (the default: everything).</td></tr>
 * </table>
 *
 * <p>The code people copy always runs at phase 6, and none of it asks this class. The lower phases are taken
 * away here, in this package, by beans that stand in for the patterns' own ({@link PhasedBusinessSpans}, and
 * checkout's {@code PhasedOutboxTraceContext}): a real system adopts a phase by writing its code, not by a switch.
 */
@Startup
@Singleton
public class InstrumentationPhase {

    public static final String PROPERTY = "otelref.instrumentation.phase";
    public static final int FIRST = 0;
    public static final int LAST = 6;

    private final int phase;

    InstrumentationPhase(@ConfigProperty(name = PROPERTY, defaultValue = "6") int phase) {
        // @Startup makes a typo fail the start instead of the first request.
        if (phase < FIRST || phase > LAST) {
            throw new IllegalArgumentException(PROPERTY + " must be " + FIRST + " to " + LAST + ", not " + phase);
        }
        this.phase = phase;
    }

    public int number() {
        return phase;
    }

    /** {@link BusinessSpan} methods and the worker's own span open a span from phase 3 on. */
    public boolean businessSpans() {
        return phase >= 3;
    }

    /** {@code app.*} attributes are recorded from phase 3 on. */
    public boolean appAttributes() {
        return phase >= 3;
    }

    /** Work that continues after the request (the outbox relay) joins the request's trace from phase 6 on. */
    public boolean asyncContext() {
        return phase >= 6;
    }
}
