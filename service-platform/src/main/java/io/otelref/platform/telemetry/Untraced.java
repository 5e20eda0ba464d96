package io.otelref.platform.telemetry;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * Keeps the bookkeeping of a background job out of the traces. A poll that finds nothing to do every
 * second would otherwise be a trace of its own each time (its JDBC spans have no parent, so each starts
 * one). Made current, this is a parent that says "not sampled": a parent-based sampler, the SDK's
 * default and ours, then records none of the spans started under it. It is made with the API alone
 * (random ids, sampled flag off), as a caller's unsampled {@code traceparent} would be. Work the job
 * does that should be traced starts a trace of its own under {@code Context.root()}, or continues the
 * trace it belongs to (the outbox relay continues the request that stored the event).
 *
 * <p>A workaround, and marked as one: it works only under a parent-based sampler, and the ids it makes are
 * nobody's. Quarkus's JDBC instrumentation cannot be switched off for one caller; where yours can, or where
 * the sampler can drop a job's spans by an attribute, do that instead.
 */
public final class Untraced {

    private Untraced() {
    }

    public static Scope begin() {
        return Context.root().with(Span.wrap(unsampledParent())).makeCurrent();
    }

    private static SpanContext unsampledParent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId = HexFormat.of().toHexDigits(random.nextLong() | 1) + HexFormat.of().toHexDigits(random.nextLong());
        String spanId = HexFormat.of().toHexDigits(random.nextLong() | 1);
        return SpanContext.create(traceId, spanId, TraceFlags.getDefault(), TraceState.getDefault());
    }
}
