package io.otelref.checkout.training;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.opentelemetry.context.Context;
import io.otelref.checkout.telemetry.OutboxTraceContext;
import io.otelref.platform.training.InstrumentationPhase;

/**
 * Training only: takes runbook phase 6 (the async path joined to the request's trace) away below it, in place of
 * {@link OutboxTraceContext}, so that one build runs every phase. Not a pattern to copy.
 *
 * <p>Below phase 6 the stored context is ignored, as in a system whose async path is not instrumented yet: the
 * relay's PRODUCER span starts a trace of its own, and the worker's spans join that one.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class PhasedOutboxTraceContext extends OutboxTraceContext {

    private final InstrumentationPhase phase;

    PhasedOutboxTraceContext(InstrumentationPhase phase) {
        this.phase = phase;
    }

    @Override
    public Context restore(String traceparent, String tracestate) {
        return phase.asyncContext() ? super.restore(traceparent, tracestate) : Context.root();
    }
}
