package io.otelref.observability.waterfall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.otelref.observability.logs.LogRecord;

import io.otelref.observability.trace.CriticalPath;
import io.otelref.observability.trace.Millis;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

/**
 * Draws a trace as a terminal waterfall: one line per span, children under their parent in start
 * order, with the span's offset from the trace's start, its duration, and a bar placing it on a time
 * axis that spans the whole trace, asynchronous work after the root ended included.
 *
 * <pre>
 *     SERVICE           OPERATION                                     START ms     DUR ms  TIMELINE 0 - 1401.000 ms
 * *   checkout-service  POST /api/checkout                               0.000   1401.000  |========================================|
 * *   checkout-service  `- checkout.place_order                          1.500   1397.500  |========================================|
 * *   checkout-service     |- POST /api/payments/authorizations         53.000   1337.000  | =======================================|
 * *   billing-service      |  `- POST /api/payments/authorizations      54.000   1335.000  | =======================================|
 * *   billing-service      |     `- billing.authorize_payment           55.000   1333.000  | =======================================|
 * *   billing-service      |        |- SELECT billing.account           56.000   1262.000  | =####################################  |
 * *   billing-service      |        |- POST                           1319.000     61.000  |                                     =##|
 * *   billing-service      |        `- UPDATE billing.account         1381.000      6.000  |                                       =|
 * *   checkout-service     |- INSERT checkout.customer_order          1391.000      3.000  |                                       =|
 * *   checkout-service     `- UPDATE checkout.idempotency_record      1398.500      0.250  |                                       =|
 * </pre>
 *
 * (a hot-account checkout, its price look-ups and idempotency claim left out). Marks: {@code *} on the
 * {@linkplain CriticalPath critical path}, and {@code #} in the columns where the root was waiting on
 * that span itself (each column of the root's time goes to the one span that held most of it);
 * {@code !} (or a red {@code ✗}) for an error; {@code ?} for a span whose parent is not in the trace,
 * drawn as an extra root.
 *
 * <p>Given the trace's log records, each span's are drawn under it, oldest first ({@code >} the record's severity,
 * message and offset from the trace's start); records of spans that are not in the trace come last.
 */
public final class Waterfall {

    public static final int DEFAULT_TIMELINE_WIDTH = 40;

    private static final int MAX_OPERATION_WIDTH = 64;
    private static final String TRUNCATED = "...";
    private static final BitSet NO_COLUMNS = new BitSet();

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
        return render(trace, List.of());
    }

    /** As {@link #render(Trace)}, with each span's log records on lines under it. */
    public List<String> render(Trace trace, List<LogRecord> records) {
        if (trace.spans().isEmpty()) {
            return List.of("trace " + trace.traceId() + " has no spans");
        }
        CriticalPath criticalPath = CriticalPath.of(trace);
        List<Row> rows = layOut(trace, Set.copyOf(criticalPath.spans()));
        int serviceWidth = rows.stream().mapToInt(row -> row.span().service().length()).max().orElse(0);
        int operationWidth = rows.stream().mapToInt(row -> row.operationColumn().length()).max().orElse(0);
        Timeline timeline = new Timeline(trace, timelineWidth);
        Map<TraceSpan, BitSet> criticalColumns = timeline.criticalColumns(criticalPath.sections());
        List<LogRecord> oldestFirst = records.stream().sorted(Comparator.comparing(LogRecord::time)).toList();
        Map<String, List<LogRecord>> recordsBySpan = oldestFirst.stream()
                .collect(Collectors.groupingBy(record -> record.spanId().orElse(""), Collectors.toList()));
        String logMargin = " ".repeat(4 + serviceWidth + 2);

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
                    timeline.bar(span, style.otherBar, style.criticalBar, criticalColumns.getOrDefault(span, NO_COLUMNS)));
            lines.add(style.colour(line, span.isError(), row.orphan(), row.critical()));
            for (LogRecord record : recordsBySpan.getOrDefault(span.spanId(), List.of())) {
                lines.add(style.dim(logMargin + row.logIndent() + logLine(trace, record)));
            }
        }
        Set<String> spanIds = trace.spans().stream().map(TraceSpan::spanId).collect(Collectors.toSet());
        List<LogRecord> elsewhere = oldestFirst.stream().filter(record -> !spanIds.contains(record.spanId().orElse("")))
                .toList();
        if (!elsewhere.isEmpty()) {
            lines.add("log records of spans not in this trace:");
            elsewhere.forEach(record -> lines.add(style.dim("    " + record.service() + " span "
                    + record.spanId().orElse("-") + " " + logLine(trace, record))));
        }
        return lines;
    }

    private static String logLine(Trace trace, LogRecord record) {
        return "> " + record.severity() + " " + record.message() + "  (at "
                + Millis.format(Duration.between(trace.start(), record.time())) + " ms)";
    }

    /** The rendered lines joined with line breaks, ending with one. */
    public String renderToString(Trace trace) {
        return renderToString(trace, List.of());
    }

    /** As {@link #renderToString(Trace)}, with each span's log records under it. */
    public String renderToString(Trace trace, List<LogRecord> records) {
        return String.join(System.lineSeparator(), render(trace, records)) + System.lineSeparator();
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
        return "legend: " + WaterfallStyle.CRITICAL_MARK + " critical path (" + style.criticalBar + " while the root waited on that span)  "
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
    private List<Row> layOut(Trace trace, Set<TraceSpan> critical) {
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
        List<TraceSpan> children = trace.children(span);
        rows.add(new Row(span, truncate(operation), critical.contains(span), orphan,
                indent + (children.isEmpty() ? "   " : style.continuation)));
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

    /** @param logIndent where the span's log records start: under the span, beside its children's branch */
    private record Row(TraceSpan span, String operationColumn, boolean critical, boolean orphan, String logIndent) {
    }
}
