package io.otelref.observability.waterfall;

import java.time.Duration;
import java.time.Instant;

import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/** Maps instants of one trace onto a fixed number of character columns. */
final class Timeline {

    private final Instant start;
    private final long totalMicros;
    private final int width;

    Timeline(Trace trace, int width) {
        this.start = trace.start();
        // A trace of one zero-length span still needs a non-zero scale.
        this.totalMicros = Math.max(1, micros(trace.duration()));
        this.width = width;
    }

    /**
     * {@code width} characters with {@code fill} where the span ran. Every span gets at least one
     * character, so that a 50 µs database call in a 5 s trace is still visible.
     */
    String bar(TraceSpan span, String fill) {
        int first = (int) Math.floorDiv(micros(Duration.between(start, span.start())) * width, totalMicros);
        int end = (int) Math.ceilDiv(micros(Duration.between(start, span.end())) * width, totalMicros);
        first = Math.min(first, width - 1);
        end = Math.clamp(end, first + 1, width);
        return " ".repeat(first) + fill.repeat(end - first) + " ".repeat(width - end);
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }
}
