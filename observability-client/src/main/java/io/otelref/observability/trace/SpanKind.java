package io.otelref.observability.trace;

import java.util.Locale;

/** The OpenTelemetry span kind, as Jaeger reports it in the {@code span.kind} tag. */
public enum SpanKind {
    SERVER,
    CLIENT,
    PRODUCER,
    CONSUMER,
    INTERNAL;

    /**
     * Reads a {@code span.kind} tag value. Jaeger writes no tag for an UNSPECIFIED kind, and the
     * OpenTelemetry specification lets receivers read UNSPECIFIED as INTERNAL, so absent means INTERNAL.
     */
    public static SpanKind fromTag(String tagValue) {
        if (tagValue == null || tagValue.isBlank()) {
            return INTERNAL;
        }
        return valueOf(tagValue.trim().toUpperCase(Locale.ROOT));
    }
}
