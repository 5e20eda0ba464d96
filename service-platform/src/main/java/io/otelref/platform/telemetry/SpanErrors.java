package io.otelref.platform.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.semconv.ErrorAttributes;

/**
 * Marks a span as failed the way the semantic conventions ask: status ERROR, the exception as an
 * event, and {@code error.type} so that failures can be grouped without parsing messages.
 */
public final class SpanErrors {

    private SpanErrors() {
    }

    /** Records {@code failure} on {@code span}; {@code errorType} is a low-cardinality name of the failure. */
    public static void record(Span span, Throwable failure, String errorType) {
        span.recordException(failure);
        span.setAttribute(ErrorAttributes.ERROR_TYPE, errorType);
        span.setStatus(StatusCode.ERROR, errorType);
    }

    /** Records {@code failure} with its fully qualified class name as {@code error.type}. */
    public static void record(Span span, Throwable failure) {
        record(span, failure, failure.getClass().getName());
    }
}
