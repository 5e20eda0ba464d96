package io.otelref.platform.telemetry;

import jakarta.inject.Singleton;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/**
 * Opens business spans, the manual spans of runbook phase 3, and gates the {@code app.*} attributes
 * with them.
 *
 * <p>Every {@code app.*} attribute of this system is set on the business span it describes (the one
 * exception, a Kafka consumer span, asks {@link InstrumentationPhase#appAttributes()} itself). So below
 * phase 3 the business span is replaced by a stand-in that records nothing: attributes set on it go
 * nowhere, and because it carries the caller's span context, the HTTP, JDBC and Kafka spans opened
 * inside still hang under the SERVER or CONSUMER span, exactly as if the business span had never been
 * written. The call sites stay the same at every phase. Filtering {@code app.*} keys out later is not
 * cleaner: a SpanProcessor cannot remove attributes from a span, and Quarkus builds its OTLP exporter
 * internally, so there is no exporter to wrap.
 */
@Singleton
public class BusinessSpans {

    private final Tracer tracer;
    private final InstrumentationPhase phase;

    BusinessSpans(Tracer tracer, InstrumentationPhase phase) {
        this.tracer = tracer;
        this.phase = phase;
    }

    /** A started span named {@code name} (the caller ends it), or below phase 3 the non-recording stand-in. */
    public Span start(String name) {
        if (phase.businessSpans()) {
            return tracer.spanBuilder(name).startSpan();
        }
        return Span.wrap(Span.current().getSpanContext());
    }
}
