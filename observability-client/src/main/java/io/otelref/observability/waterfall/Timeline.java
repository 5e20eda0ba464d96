package io.otelref.observability.waterfall;

import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.otelref.observability.trace.CriticalPath;
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
     * {@code width} characters with {@code fill} where the span ran, and {@code criticalFill} in its
     * {@code criticalColumns}. Every span gets at least one character, so that a 50 µs database call
     * in a 5 s trace is still visible.
     */
    String bar(TraceSpan span, String fill, String criticalFill, BitSet criticalColumns) {
        int first = (int) Math.floorDiv(offset(span.start()) * width, totalMicros);
        int end = (int) Math.ceilDiv(offset(span.end()) * width, totalMicros);
        first = Math.min(first, width - 1);
        end = Math.clamp(end, first + 1, width);
        StringBuilder bar = new StringBuilder(" ".repeat(first));
        for (int column = first; column < end; column++) {
            bar.append(criticalColumns.get(column) ? criticalFill : fill);
        }
        return bar.append(" ".repeat(width - end)).toString();
    }

    /**
     * For each column the critical path passes through, the span that held most of that column's
     * time on the path; the earliest section wins a tie. Since the sections cover the root's time
     * without overlapping, every column of the root's bar goes to exactly one span, so reading down a
     * column finds one {@code #}: what the request was waiting on then. A span whose critical time is
     * too short to win a column keeps its {@code *} but gets no {@code #}.
     */
    Map<TraceSpan, BitSet> criticalColumns(List<CriticalPath.Section> sections) {
        // Positions are micros times width, so that a column is exactly totalMicros long: no rounding.
        long[] best = new long[width];
        TraceSpan[] owner = new TraceSpan[width];
        for (CriticalPath.Section section : sections) {
            long from = offset(section.start()) * width;
            long to = offset(section.end()) * width;
            int firstColumn = (int) Math.max(0, Math.floorDiv(from, totalMicros));
            int endColumn = (int) Math.min(width, Math.ceilDiv(to, totalMicros));
            for (int column = firstColumn; column < endColumn; column++) {
                long overlap = Math.min(to, (column + 1) * totalMicros) - Math.max(from, column * totalMicros);
                if (overlap > best[column]) {
                    best[column] = overlap;
                    owner[column] = section.span();
                }
            }
        }
        Map<TraceSpan, BitSet> columns = new HashMap<>();
        for (int column = 0; column < width; column++) {
            if (owner[column] != null) {
                columns.computeIfAbsent(owner[column], span -> new BitSet(width)).set(column);
            }
        }
        return columns;
    }

    private long offset(Instant instant) {
        return micros(Duration.between(start, instant));
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1_000;
    }
}
