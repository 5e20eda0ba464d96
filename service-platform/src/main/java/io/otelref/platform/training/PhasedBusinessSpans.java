package io.otelref.platform.training;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.otelref.platform.telemetry.BusinessSpans;

/**
 * Training only: takes runbook phase 3 (business spans and {@code app.*} attributes) away below it, in place of
 * {@link BusinessSpans}, so that one build runs every phase of the runbook. Not a pattern to copy.
 *
 * <p>Below phase 3 every span it hands out is a stand-in that records nothing: attributes set on it go nowhere,
 * and because it carries the current span's context, the HTTP, JDBC and Kafka spans opened inside still hang under
 * the SERVER or CONSUMER span, exactly as if the business span had never been written. Filtering the spans or keys
 * out later would not do: a SpanProcessor cannot remove attributes from a span, and Quarkus builds its OTLP exporter
 * internally, so there is no exporter to wrap.
 */
@Alternative
@Priority(1)
@Singleton
public class PhasedBusinessSpans extends BusinessSpans {

    private final InstrumentationPhase phase;

    PhasedBusinessSpans(Tracer tracer, InstrumentationPhase phase) {
        super(tracer);
        this.phase = phase;
    }

    @Override
    public Span start(String name) {
        return phase.businessSpans() ? super.start(name) : standIn();
    }

    @Override
    public Span current() {
        return phase.appAttributes() ? super.current() : standIn();
    }

    private static Span standIn() {
        return Span.wrap(Span.current().getSpanContext());
    }
}
