package io.otelref.observability.trace;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** Builds spans on a millisecond grid from a fixed instant, for trees drawn by hand. */
public final class TestSpans {

    public static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestSpans() {
    }

    /** @param tags alternating keys and values */
    public static TraceSpan span(String id, String parentId, String service, String operation, SpanKind kind,
            long startMillis, long endMillis, String... tags) {
        return spanMicros(id, parentId, service, operation, kind, startMillis * 1_000, endMillis * 1_000, tags);
    }

    /** Like {@link #span}, on Jaeger's own microsecond grid, for sub-millisecond calls. */
    public static TraceSpan spanMicros(String id, String parentId, String service, String operation, SpanKind kind,
            long startMicros, long endMicros, String... tags) {
        Map<String, String> tagMap = new HashMap<>();
        for (int i = 0; i < tags.length; i += 2) {
            tagMap.put(tags[i], tags[i + 1]);
        }
        return new TraceSpan(TRACE_ID, id, parentId, service, operation, kind, T0.plus(startMicros, ChronoUnit.MICROS),
                Duration.of(endMicros - startMicros, ChronoUnit.MICROS), tagMap);
    }

    /**
     * {@code id from-to}, milliseconds since {@link #T0} with microsecond digits: a critical path
     * section as the expectations in the tests write it.
     */
    public static String describe(CriticalPath.Section section) {
        return section.span().spanId() + " " + Millis.format(Duration.between(T0, section.start())) + "-"
                + Millis.format(Duration.between(T0, section.end()));
    }
}
