package io.otelref.observability.waterfall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.otelref.observability.trace.Millis;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/**
 * Draws a trace as a terminal waterfall: one line per span, children under their parent in start
 * order, with the span's offset from the trace's start, its duration, and a bar placing it on a time
 * axis that spans the whole trace, asynchronous work after the root ended included.
 *
 * <pre>
 *     SERVICE           OPERATION                             START ms     DUR ms  TIMELINE 0 - 450.000 ms
 * *   checkout-service  POST /api/checkout                       0.000    120.000  |###########                             |
 * *   checkout-service  `- checkout.place_order                  0.500    117.500  |###########                             |
 *  !  checkout-service     |- POST /api/payments/...            62.000      8.000  |     ==                                 |
 * *   checkout-service     |- INSERT checkout.customer_order   111.000      3.000  |         ##                             |
 *     checkout-service     `- orders.placed publish            119.000      6.000  |          ==                            |
 *     invoice-worker          `- orders.placed process         130.000    320.000  |           =============================|
 * </pre>
 *
 * Marks: {@code *} on the {@linkplain Trace#criticalPath() critical path}, {@code !} (or a red
 * {@code ✗}) for an error, {@code ?} for a span whose parent is not in the trace, drawn as an extra root.
 */
public final class Waterfall {

    public static final int DEFAULT_TIMELINE_WIDTH = 40;

    private static final int MAX_OPERATION_WIDTH = 64;
    private static final String TRUNCATED = "...";

    private final WaterfallStyle style;
    private final int timelineWidth;

    public Waterfall(WaterfallStyle style) {
        this(style, DEFAULT_TIMELINE_WIDTH);
    }

    public Waterfall(WaterfallStyle style, int timelineWidth) {
        if (timelineWidth < 10) {
            throw new IllegalArgumentException("the timeline needs at least 10 columns: " + timelineWidth);
        }
        this.style = style;
        this.timelineWidth = timelineWidth;
    }

    /** The header, the legend, a column heading, then one line per span. */
    public List<String> render(Trace trace) {
        if (trace.spans().isEmpty()) {
            return List.of("trace " + trace.traceId() + " has no spans");
        }
        List<Row> rows = layOut(trace);
        int serviceWidth = rows.stream().mapToInt(row -> row.span().service().length()).max().orElse(0);
        int operationWidth = rows.stream().mapToInt(row -> row.operationColumn().length()).max().orElse(0);
        Timeline timeline = new Timeline(trace, timelineWidth);

        List<String> lines = new ArrayList<>();
        lines.add(header(trace));
        lines.add(style.dim(legend()));
        lines.add(String.format(Locale.ROOT, "%-4s%-" + serviceWidth + "s  %-" + operationWidth + "s  %10s %10s  %s",
                "", "SERVICE", "OPERATION", "START ms", "DUR ms", "TIMELINE 0 - " + Millis.format(trace.duration()) + " ms"));
        for (Row row : rows) {
            TraceSpan span = row.span();
            String line = String.format(Locale.ROOT, "%-4s%-" + serviceWidth + "s  %-" + operationWidth + "s  %10s %10s  |%s|",
                    marks(row), span.service(), row.operationColumn(),
                    Millis.format(Duration.between(trace.start(), span.start())), Millis.format(span.duration()),
                    timeline.bar(span, row.critical() ? style.criticalBar : style.otherBar));
            lines.add(style.colour(line, span.isError(), row.orphan(), row.critical()));
        }
        return lines;
    }

    /** The rendered lines joined with line breaks, ending with one. */
    public String renderToString(Trace trace) {
        return String.join(System.lineSeparator(), render(trace)) + System.lineSeparator();
    }

    private String header(Trace trace) {
        String rootDuration = trace.root()
                .filter(root -> !root.duration().equals(trace.duration()))
                .map(root -> " (root span " + Millis.format(root.duration()) + " ms)")
                .orElse("");
        int errors = trace.errors().size();
        int orphans = trace.orphans().size();
        return "trace " + trace.traceId()
                + "  " + Millis.format(trace.duration()) + " ms" + rootDuration
                + "  " + trace.spans().size() + " spans"
                + "  services: " + String.join(", ", trace.services())
                + "  " + errors + (errors == 1 ? " error" : " errors")
                + (orphans == 0 ? "" : "  " + orphans + (orphans == 1 ? " orphan" : " orphans"))
                + (trace.root().isEmpty() ? "  NO ROOT SPAN (still arriving, or lost)" : "");
    }

    private String legend() {
        return "legend: " + WaterfallStyle.CRITICAL_MARK + " critical path (" + style.criticalBar + ")  "
                + style.errorMark + " error  "
                + WaterfallStyle.ORPHAN_MARK + " parent span not in trace  "
                + style.otherBar + " other spans";
    }

    private String marks(Row row) {
        return (row.critical() ? WaterfallStyle.CRITICAL_MARK : " ")
                + (row.span().isError() ? style.errorMark : " ")
                + (row.orphan() ? WaterfallStyle.ORPHAN_MARK : " ");
    }

    /** Depth-first from every root (the true root and each orphan), children in start order. */
    private List<Row> layOut(Trace trace) {
        Set<TraceSpan> critical = Set.copyOf(trace.criticalPath());
        Set<TraceSpan> orphans = Set.copyOf(trace.orphans());
        List<Row> rows = new ArrayList<>();
        Set<TraceSpan> visited = new HashSet<>();
        for (TraceSpan root : trace.roots()) {
            addSubtree(trace, root, "", "", rows, visited, critical, orphans);
        }
        // Spans whose parent chain loops back on itself reach no root; they are still part of the trace.
        for (TraceSpan span : trace.spans()) {
            if (!visited.contains(span)) {
                addSubtree(trace, span, "", "", rows, visited, critical, orphans);
            }
        }
        return rows;
    }

    private void addSubtree(Trace trace, TraceSpan span, String branch, String indent, List<Row> rows,
            Set<TraceSpan> visited, Set<TraceSpan> critical, Set<TraceSpan> orphans) {
        if (!visited.add(span)) {
            return;
        }
        boolean orphan = orphans.contains(span);
        String operation = branch + span.operation()
                + (orphan ? " [parent " + span.parentSpanId() + " not in trace]" : "");
        rows.add(new Row(span, truncate(operation), critical.contains(span), orphan));
        List<TraceSpan> children = trace.children(span);
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            addSubtree(trace, children.get(i), indent + (last ? style.lastBranch : style.branch),
                    indent + (last ? "   " : style.continuation), rows, visited, critical, orphans);
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_OPERATION_WIDTH
                ? text
                : text.substring(0, MAX_OPERATION_WIDTH - TRUNCATED.length()) + TRUNCATED;
    }

    private record Row(TraceSpan span, String operationColumn, boolean critical, boolean orphan) {
    }
}
