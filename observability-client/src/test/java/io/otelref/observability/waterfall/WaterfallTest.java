package io.otelref.observability.waterfall;

import static io.otelref.observability.trace.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.otelref.observability.logs.LogRecord;
import io.otelref.observability.trace.FanOutTrace;
import io.otelref.observability.trace.HotAccountTrace;
import io.otelref.observability.trace.SpanKind;
import io.otelref.observability.trace.TestSpans;
import io.otelref.observability.trace.Trace;
import io.otelref.observability.trace.TraceSpan;

class WaterfallTest {

    private static final int HEADER_LINES = 3;
    private static final List<String> TREE_PREFIXES = List.of("|- ", "`- ", "|  ", "   ");

    private final Waterfall plain = new Waterfall(WaterfallStyle.PLAIN);

    @Test
    void theHeaderSummarisesTheTrace() {
        String header = plain.render(FanOutTrace.trace()).getFirst();

        assertTrue(header.startsWith("trace " + TestSpans.TRACE_ID), header);
        assertTrue(header.contains("300.000 ms (root span 100.000 ms)"), header);
        assertTrue(header.contains("10 spans"), header);
        assertTrue(header.contains("services: checkout-service, billing-service, invoice-worker"), header);
        assertTrue(header.contains("1 error"), header);
    }

    @Test
    void explainsItsMarksInALegend() {
        String legend = plain.render(FanOutTrace.trace()).get(1);

        assertTrue(legend.startsWith("legend:"), legend);
        assertTrue(legend.contains("* critical path") && legend.contains("! error") && legend.contains("? parent span not in trace"),
                legend);
    }

    @Test
    void drawsOneLinePerSpanDepthFirstWithChildrenInStartOrder() {
        List<Row> rows = rows(plain.render(FanOutTrace.trace()));

        assertEquals(List.of("POST /api/checkout", "checkout.price_items", "GET /api/prices/{sku}", "GET /api/prices/{sku}",
                "GET /api/prices/{sku}", "POST /api/payments/authorizations", "POST /api/payments/authorizations",
                "billing.authorize_payment", "orders.placed publish", "orders.placed process"),
                rows.stream().map(Row::operation).toList());
        assertEquals(List.of(0, 1, 2, 2, 2, 1, 2, 3, 1, 2), rows.stream().map(Row::depth).toList());
        assertEquals("billing-service", rows.get(7).service());
    }

    @Test
    void starsTheCriticalPathAndMarksErrors() {
        List<Row> rows = rows(plain.render(FanOutTrace.trace()));

        // The publish (95-105) is clipped to the root's end (100) and is the root's last 5 ms on the path.
        assertEquals(List.of(0, 5, 6, 7, 8), indexesWhere(rows, row -> row.marks().charAt(0) == '*'));
        assertEquals(List.of(7), indexesWhere(rows, row -> row.marks().charAt(1) == '!'));
        assertEquals(List.of(), indexesWhere(rows, row -> row.marks().charAt(2) == '?'));
    }

    @Test
    void placesEachBarOnAnAxisCoveringTheWholeTraceIncludingAsyncWork() {
        List<Row> rows = rows(plain.render(FanOutTrace.trace()));

        rows.forEach(row -> assertEquals(Waterfall.DEFAULT_TIMELINE_WIDTH, row.bar().length(), row.bar()));
        // The root covers the first third (100 of 300 ms): 13.3 columns, rounded out to 14. Of those, # marks
        // the columns where the root was critical itself (0-30 ms, 90-95 ms), = where it waited on a child.
        assertEquals("####" + "=".repeat(8) + "#=" + " ".repeat(26), rows.getFirst().bar());
        // The consumer runs from 110 ms to the very end of the trace.
        Row consumer = rows.getLast();
        assertTrue(consumer.bar().endsWith("="), consumer.bar());
        assertEquals(14, consumer.bar().indexOf('='), consumer.bar());
        assertEquals("110.000", consumer.start());
        assertEquals("190.000", consumer.duration());
    }

    @Test
    void evenAVeryShortSpanGetsOneColumn() {
        TraceSpan root = span("r", null, "checkout-service", "POST /api/checkout", SpanKind.SERVER, 0, 5_000);
        TraceSpan select = span("s", "r", "checkout-service", "SELECT", SpanKind.CLIENT, 2_500, 2_501);

        Row row = rows(plain.render(new Trace(TestSpans.TRACE_ID, List.of(root, select)))).getLast();

        // On the critical path, but for 1 of the column's 125 ms: the column's # goes to the root.
        assertEquals(" ".repeat(20) + "=" + " ".repeat(19), row.bar());
        assertEquals('*', row.marks().charAt(0));
    }

    @Test
    void marksOnlyTheCriticalPartOfEachBarOneSpanPerColumn() {
        List<Row> rows = rows(plain.render(HotAccountTrace.trace()));
        Row lock = rows.stream().filter(row -> row.operation().equals("SELECT billing.account")).findFirst().orElseThrow();
        Row authorize = rows.stream().filter(row -> row.operation().equals("billing.authorize_payment")).findFirst().orElseThrow();
        Row idempotency = rows.stream().filter(row -> row.operation().equals("UPDATE checkout.idempotency_record")).findFirst()
                .orElseThrow();

        // 1401 ms in 40 columns of 35 ms. The SELECT runs from column 1 (56 ms), where the slowest price
        // look-up still had most of the column; from column 2 to its end, the request waited on it.
        assertEquals(" =" + "#".repeat(36) + "  ", lock.bar());
        // authorize_payment's own critical time is four 1 ms gaps between its children: no column.
        assertEquals(" " + "=".repeat(39), authorize.bar());
        assertEquals("*", authorize.marks().substring(0, 1));
        // The last to finish, and on the path, but for 0.25 ms.
        assertEquals("*", idempotency.marks().substring(0, 1));
        assertFalse(idempotency.bar().contains("#"), idempotency.bar());
        assertOneCriticalSpanPerColumn(rows, Waterfall.DEFAULT_TIMELINE_WIDTH);
    }

    @Test
    void everyColumnOfTheRootsTimeHasOneCriticalSpan() {
        // The root's 100 ms of the 300 ms trace take columns 0 to 13; nothing after it is critical.
        assertOneCriticalSpanPerColumn(rows(plain.render(FanOutTrace.trace())), 14);
    }

    @Test
    void drawsOrphansAsExtraRootsNamingTheMissingParent() {
        Trace withoutPayClient = new Trace(TestSpans.TRACE_ID,
                FanOutTrace.SPANS.stream().filter(span -> span != FanOutTrace.PAY).toList());

        List<String> lines = plain.render(withoutPayClient);
        List<Row> rows = rows(lines);

        assertTrue(lines.getFirst().contains("1 orphan"), lines.getFirst());
        Row orphan = rows.stream().filter(row -> row.marks().charAt(2) == '?').findFirst().orElseThrow();
        assertEquals(0, orphan.depth());
        assertEquals("POST /api/payments/authorizations [parent pay not in trace]", orphan.operation());
        assertEquals(1, rows.get(rows.indexOf(orphan) + 1).depth(), "the orphan's own children stay under it");
        assertEquals(withoutPayClient.spans().size(), rows.size());
    }

    @Test
    void saysSoWhenTheRootHasNotArrived() {
        Trace withoutRoot = new Trace(TestSpans.TRACE_ID,
                FanOutTrace.SPANS.stream().filter(span -> span != FanOutTrace.ROOT).toList());

        assertTrue(plain.render(withoutRoot).getFirst().contains("NO ROOT SPAN"));
    }

    @Test
    void plainOutputIsAsciiWithoutEscapeCodes() {
        String text = plain.renderToString(FanOutTrace.trace());

        assertTrue(text.chars().allMatch(c -> c < 128), text);
    }

    @Test
    void ansiOutputColoursErrorsRedAndTheCriticalPathBold() {
        List<String> lines = new Waterfall(WaterfallStyle.ANSI).render(FanOutTrace.trace());
        List<String> spanLines = lines.subList(HEADER_LINES, lines.size());

        String authorize = spanLines.get(7);
        assertTrue(authorize.startsWith("\u001B[31m") && authorize.contains("✗"), authorize);
        assertTrue(spanLines.getFirst().startsWith("\u001B[1m"), spanLines.getFirst());
        assertTrue(spanLines.get(1).contains("├─ checkout.price_items"), spanLines.get(1));
        assertFalse(spanLines.get(1).contains("\u001B"), "off the critical path and fine: no colour");
    }

    @Test
    void shortensOverlongOperationNames() {
        TraceSpan span = span("r", null, "checkout-service", "x".repeat(200), SpanKind.SERVER, 0, 1);

        Row row = rows(plain.render(new Trace(TestSpans.TRACE_ID, List.of(span)))).getFirst();

        assertTrue(row.operation().endsWith("...") && row.operation().length() < 100, row.operation());
    }

    @Test
    void anEmptyTraceIsOneLine() {
        assertEquals(List.of("trace " + TestSpans.TRACE_ID + " has no spans"), plain.render(new Trace(TestSpans.TRACE_ID, List.of())));
    }

    /** A span line of the PLAIN style, taken apart by its fixed structure rather than exact spacing. */
    @Test
    void putsEachSpansLogRecordsUnderItOldestFirstAndTheRestAtTheEnd() {
        List<LogRecord> records = List.of(
                record("auth", 60, "INFO", "Payment authorized for order o-1"),
                record("root", 99, "INFO", "Order o-1 placed"),
                record("auth", 40, "WARN", "gateway slow, retrying"),
                record("gone", 50, "ERROR", "written in a span Jaeger never got"));

        List<String> lines = plain.render(FanOutTrace.trace(), records);

        int authorize = indexOf(lines, "billing.authorize_payment");
        assertTrue(lines.get(authorize + 1).contains("> WARN gateway slow, retrying  (at 40.000 ms)"), lines.get(authorize + 1));
        assertTrue(lines.get(authorize + 2).contains("> INFO Payment authorized for order o-1  (at 60.000 ms)"),
                lines.get(authorize + 2));
        int root = indexOf(lines, "POST /api/checkout");
        assertTrue(lines.get(root + 1).contains("> INFO Order o-1 placed"), lines.get(root + 1));
        assertEquals("log records of spans not in this trace:", lines.get(lines.size() - 2));
        assertTrue(lines.getLast().contains("billing-service span gone > ERROR written in a span Jaeger never got"),
                lines.getLast());
        assertEquals(HEADER_LINES + FanOutTrace.SPANS.size() + records.size() + 1, lines.size());
    }

    private static int indexOf(List<String> lines, String operation) {
        return IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(operation) && !lines.get(i).contains(">"))
                .findFirst().orElseThrow();
    }

    private static LogRecord record(String spanId, long atMillis, String severity, String message) {
        return new LogRecord(TestSpans.T0.plusMillis(atMillis), "billing-service", Optional.of(TestSpans.TRACE_ID),
                Optional.of(spanId), severity, message, Map.of());
    }

    private record Row(String marks, String service, String operation, int depth, String start, String duration, String bar) {
    }

    private static List<Row> rows(List<String> lines) {
        String heading = lines.get(2);
        int operationColumn = heading.indexOf("OPERATION");
        int numbersColumn = heading.indexOf("START ms") - 2;
        int barColumn = heading.indexOf("TIMELINE");
        return lines.subList(HEADER_LINES, lines.size()).stream().map(line -> {
            String treeAndOperation = line.substring(operationColumn, numbersColumn).stripTrailing();
            int depth = 0;
            while (TREE_PREFIXES.stream().anyMatch(treeAndOperation::startsWith)) {
                treeAndOperation = treeAndOperation.substring(3);
                depth++;
            }
            String[] numbers = line.substring(numbersColumn, barColumn).strip().split("\\s+");
            return new Row(line.substring(0, 3), line.substring(4, operationColumn).strip(), treeAndOperation, depth,
                    numbers[0], numbers[1], line.substring(barColumn + 1, line.length() - 1));
        }).toList();
    }

    private static void assertOneCriticalSpanPerColumn(List<Row> rows, int rootColumns) {
        for (int column = 0; column < Waterfall.DEFAULT_TIMELINE_WIDTH; column++) {
            int at = column;
            List<Integer> critical = indexesWhere(rows, row -> row.bar().charAt(at) == '#');
            assertEquals(column < rootColumns ? 1 : 0, critical.size(), "column " + column + ": rows " + critical);
            critical.forEach(row -> assertEquals('*', rows.get(row).marks().charAt(0), "a # on a row without a *"));
        }
    }

    private static List<Integer> indexesWhere(List<Row> rows, java.util.function.Predicate<Row> test) {
        return IntStream.range(0, rows.size()).filter(i -> test.test(rows.get(i))).boxed().toList();
    }
}
