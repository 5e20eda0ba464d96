package io.otelref.platform.telemetry;

import jakarta.inject.Singleton;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;

/**
 * Opens business spans, and names the span that business attributes ({@code app.*}) go on.
 *
 * <p>Every {@code app.*} attribute of this system is set on the span this class hands out: the business span it
 * opened, or, for work that has none (a Kafka consumer's handling of one record), the current span. One place
 * that decides which span carries the business context, so that a service can change that decision once.
 */
@Singleton
public class BusinessSpans {

    private final Tracer tracer;

    public BusinessSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A started span named {@code name}, child of the current one; the caller makes it current and ends it. */
    public Span start(String name) {
        return tracer.spanBuilder(name).startSpan();
    }

    /** The span that the business attributes of the work in hand go on, where no business span was opened for it. */
    public Span current() {
        return Span.current();
    }
}
