package io.otelref.observability.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One span as a trace store reports it.
 *
 * @param parentSpanId the span this one is a CHILD_OF, or {@code null} for a root; the parent may be
 *                     missing from the trace (see {@link Trace#orphans()})
 * @param start        microsecond precision, as Jaeger stores it
 * @param tags         every span tag, values rendered as text ({@code true}, {@code 200}, {@code 0.5}):
 *                     the span's attributes and the few tags Jaeger makes from other OTLP fields
 *                     ({@code span.kind}, {@code otel.status_code}, ...)
 * @param processTags  the tags of the span's Jaeger process: its resource attributes, except
 *                     {@code service.name}, which Jaeger keeps as the process's service name ({@link #service()})
 */
public record TraceSpan(
        String traceId,
        String spanId,
        String parentSpanId,
        String service,
        String operation,
        SpanKind kind,
        Instant start,
        Duration duration,
        Map<String, String> tags,
        Map<String, String> processTags) {

    public static final String ERROR_TAG = "error";
    public static final String STATUS_CODE_TAG = "otel.status_code";

    public TraceSpan {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        tags = Map.copyOf(tags);
        processTags = Map.copyOf(processTags);
    }

    /** A span whose process has no tags besides its service name. */
    public TraceSpan(String traceId, String spanId, String parentSpanId, String service, String operation,
            SpanKind kind, Instant start, Duration duration, Map<String, String> tags) {
        this(traceId, spanId, parentSpanId, service, operation, kind, start, duration, tags, Map.of());
    }

    public Instant end() {
        return start.plus(duration);
    }

    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /**
     * True when the span's status is ERROR. Jaeger shows that twice, as {@code otel.status_code=ERROR}
     * and as the OpenTracing-era {@code error=true}; either is enough.
     */
    public boolean isError() {
        return "true".equals(tags.get(ERROR_TAG)) || "ERROR".equals(tags.get(STATUS_CODE_TAG));
    }

    /** {@code service operation (KIND, 12.345 ms)}, for messages. */
    public String describe() {
        return service + " " + operation + " (" + kind + ", " + Millis.format(duration) + " ms"
                + (isError() ? ", error" : "") + ")";
    }
}
