package io.otelref.scenarios.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.TraceSpan;

class SignalsTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void uncoveredTimeIsWhatNoChildSpans() {
        TraceSpan parent = span("parent", 0, 100);
        // Children overlap (a parallel fan-out) and one sticks out past the parent's end.
        List<TraceSpan> children = List.of(span("a", 10, 30), span("b", 20, 40), span("c", 90, 120));
        assertEquals(Duration.ofMillis(100 - 30 - 10), Signals.uncovered(parent, children));
    }

    @Test
    void aSpanWithoutChildrenIsAllUncovered() {
        assertEquals(Duration.ofMillis(25), Signals.uncovered(span("leaf", 5, 30), List.of()));
    }

    @Test
    void percentilesAreNearestRank() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertEquals(3.0, Percentiles.of(values, 50));
        assertEquals(5.0, Percentiles.of(values, 95));
        assertEquals(1.0, Percentiles.of(values, 1));
        assertEquals(Double.NaN, Percentiles.of(List.of(), 95));
    }

    private static TraceSpan span(String name, long fromMs, long toMs) {
        return new TraceSpan("t", name, null, "checkout-service", name, SpanKind.INTERNAL, T0.plusMillis(fromMs),
                Duration.ofMillis(toMs - fromMs), Map.of());
    }
}
