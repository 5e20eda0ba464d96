package io.otelref.observability.trace;

import static io.otelref.observability.trace.FanOutTrace.AUTHORIZE;
import static io.otelref.observability.trace.FanOutTrace.PAY;
import static io.otelref.observability.trace.FanOutTrace.PAY_SERVER;
import static io.otelref.observability.trace.FanOutTrace.PRICE;
import static io.otelref.observability.trace.FanOutTrace.PUBLISH;
import static io.otelref.observability.trace.FanOutTrace.ROOT;
import static io.otelref.observability.trace.FanOutTrace.SKU2;
import static io.otelref.observability.trace.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Expected paths are written as sections, {@code spanId from-to} in milliseconds, in time order
 * (Jaeger UI lists them from the end backwards).
 */
class CriticalPathTest {

    private static final String S = "checkout-service";

    @Test
    void sequentialChildrenAreCriticalOneAfterTheOtherWithTheParentsOwnTimeBetween() {
        TraceSpan parent = span("p", null, S, "checkout.place_order", SpanKind.INTERNAL, 0, 100);
        TraceSpan first = span("a", "p", S, "SELECT checkout.customer_order", SpanKind.CLIENT, 10, 30);
        TraceSpan second = span("b", "p", S, "INSERT checkout.customer_order", SpanKind.CLIENT, 30, 60);
        TraceSpan third = span("c", "p", S, "UPDATE checkout.idempotency_record", SpanKind.CLIENT, 70, 90);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(third, parent, second, first));

        // a ends exactly when b starts. Jaeger UI looks back for a child that ended strictly before b
        // started, so it would give p 0-30 and lose a (jaegertracing/jaeger#9173); here a counts.
        assertSections(trace, "p 0.000-10.000", "a 10.000-30.000", "b 30.000-60.000", "p 60.000-70.000", "c 70.000-90.000",
                "p 90.000-100.000");
        assertEquals(List.of(parent, first, second, third), trace.criticalPath());
    }

    @Test
    void inAFanOutTheLastToFinishThenWhicheverFinishedBeforeItStarted() {
        TraceSpan parent = span("p", null, S, "checkout.price_items", SpanKind.INTERNAL, 0, 100);
        TraceSpan early = span("e", "p", S, "GET /api/prices/{sku}", SpanKind.CLIENT, 2, 15);
        TraceSpan a = span("a", "p", S, "GET /api/prices/{sku}", SpanKind.CLIENT, 5, 40);
        TraceSpan b = span("b", "p", S, "GET /api/prices/{sku}", SpanKind.CLIENT, 10, 60);
        TraceSpan last = span("c", "p", S, "GET /api/prices/{sku}", SpanKind.CLIENT, 20, 90);
        TraceSpan d = span("d", "p", S, "GET /api/prices/{sku}", SpanKind.CLIENT, 50, 85);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(parent, early, a, b, last, d));

        // c finished last (90); p waited on it from its start (20). Of the rest, only e (2-15) had ended
        // by then; a, b and d ran alongside c, so p was not waiting on them. Before e: p's own time.
        assertSections(trace, "p 0.000-2.000", "e 2.000-15.000", "p 15.000-20.000", "c 20.000-90.000", "p 90.000-100.000");
        assertEquals(List.of(parent, early, last), trace.criticalPath());
    }

    @Test
    void followsTheChildThatFinishedLastNotTheLongestOne() {
        // price_items runs 84 ms, payments 60 ms, but payments ended last (90), so the root waited on it;
        // price_items had not ended when payments started (30), so it is not on the path at all. The
        // publish (95-105) outlives the root and is clipped to it: the root's last 5 ms were spent on it.
        // Before this algorithm the path stopped at children that ended after their parent, and was
        // ROOT, PAY, PAY_SERVER, AUTHORIZE.
        assertEquals(List.of(ROOT, PAY, PAY_SERVER, AUTHORIZE, PUBLISH), FanOutTrace.trace().criticalPath());
        assertSections(FanOutTrace.trace(), "root 0.000-30.000", "pay 30.000-31.000", "paySrv 31.000-32.000", "auth 32.000-88.000",
                "paySrv 88.000-89.000", "pay 89.000-90.000", "root 90.000-95.000", "publish 95.000-100.000");
    }

    @Test
    void amongParallelSiblingsTheLastToFinishIsCritical() {
        Trace pricingOnly = new Trace(TestSpans.TRACE_ID, List.of(ROOT, PRICE, FanOutTrace.SKU1, SKU2, FanOutTrace.SKU3));

        assertEquals(List.of(ROOT, PRICE, SKU2), pricingOnly.criticalPath());
        // Walking back from sku2's start (3 ms), price_items finds no look-up that had ended by then.
        assertSections(pricingOnly, "root 0.000-1.000", "price 1.000-3.000", "sku2 3.000-84.000", "price 84.000-85.000",
                "root 85.000-100.000");
    }

    @Test
    void aChildThatOutlivesItsParentIsClippedToTheParentsWindow() {
        TraceSpan request = span("r", null, S, "POST /api/checkout", SpanKind.SERVER, 0, 50);
        TraceSpan store = span("s", "r", S, "INSERT checkout.customer_order", SpanKind.CLIENT, 10, 20);
        TraceSpan publish = span("p", "r", S, "orders.placed publish", SpanKind.PRODUCER, 45, 55);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(request, store, publish));

        // Clipped to 45-50, the publish is the last child to finish: the request's last 5 ms are its.
        // (The old walk never entered a child that ended after its parent: it gave r, s.)
        assertSections(trace, "r 0.000-10.000", "s 10.000-20.000", "r 20.000-45.000", "p 45.000-50.000");
        assertEquals(List.of(request, store, publish), trace.criticalPath());
    }

    @Test
    void aConsumerAfterTheRequestReturnedIsNotOnThePath() {
        TraceSpan request = span("r", null, S, "POST /api/checkout", SpanKind.SERVER, 0, 50);
        TraceSpan store = span("s", "r", S, "INSERT checkout.customer_order", SpanKind.CLIENT, 10, 20);
        TraceSpan publish = span("p", "r", S, "orders.placed publish", SpanKind.PRODUCER, 40, 45);
        TraceSpan consume = span("c", "p", "invoice-worker", "orders.placed process", SpanKind.CONSUMER, 60, 400);
        TraceSpan invoice = span("i", "c", "invoice-worker", "POST /api/invoices", SpanKind.CLIENT, 70, 390);
        TraceSpan audit = span("a", "r", S, "checkout.audit", SpanKind.INTERNAL, 55, 70);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(request, store, publish, consume, invoice, audit));

        // c starts after its producer (and the request) ended, and a CONSUMER never blocks its PRODUCER;
        // a starts after the request ended. Both are dropped with everything under them.
        assertSections(trace, "r 0.000-10.000", "s 10.000-20.000", "r 20.000-40.000", "p 40.000-45.000", "r 45.000-50.000");
        assertEquals(List.of(request, store, publish), trace.criticalPath());
    }

    @Test
    void aConsumerNeverBlocksItsProducerEvenWhileTheProducerIsOpen() {
        TraceSpan request = span("r", null, S, "POST /api/checkout", SpanKind.SERVER, 0, 50);
        TraceSpan publish = span("p", "r", S, "orders.placed publish", SpanKind.PRODUCER, 10, 40);
        TraceSpan consume = span("c", "p", "invoice-worker", "orders.placed process", SpanKind.CONSUMER, 15, 35);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(request, publish, consume));

        assertSections(trace, "r 0.000-10.000", "p 10.000-40.000", "r 40.000-50.000");
    }

    /**
     * The hot-account checkout, worked by hand with Jaeger UI's rules. The root's last child to finish is
     * place_order (1399); place_order's is the idempotency UPDATE (1398.75), which is where the old
     * walk stopped. Walking back from the UPDATE's start (1398.5), place_order had been waiting on the
     * order INSERT (ended 1394), before that on the payment call (ended 1390), and down the payment call:
     * server, authorize_payment, whose children ran one after the other, debit after gateway after the
     * SELECT ... FOR UPDATE, which alone holds 56-1318. Back above the payment call (started 53),
     * price_items (ended 52) and its slowest look-up, sku2 (sku1 and sku3 ended after sku2 started).
     * Back at the root before place_order (1.5), the idempotency claim (ended 1.1).
     */
    @Test
    void onTheHotAccountTraceTheLongSelectForUpdateIsOnThePath() {
        Trace trace = HotAccountTrace.trace();

        assertSections(trace,
                "root 0.000-0.300", "claim 0.300-1.100", "root 1.100-1.500", "place 1.500-2.000", "price 2.000-2.300",
                "sku2 2.300-51.000", "price 51.000-52.000", "place 52.000-53.000", "pay 53.000-54.000", "paySrv 54.000-55.000",
                "auth 55.000-56.000", "lock 56.000-1318.000", "auth 1318.000-1319.000", "gateway 1319.000-1380.000",
                "auth 1380.000-1381.000", "debit 1381.000-1387.000", "auth 1387.000-1388.000", "paySrv 1388.000-1389.000",
                "pay 1389.000-1390.000", "place 1390.000-1391.000", "order 1391.000-1394.000", "place 1394.000-1398.500",
                "idem 1398.500-1398.750", "place 1398.750-1399.000", "root 1399.000-1401.000");
        assertEquals(List.of(HotAccountTrace.ROOT, HotAccountTrace.CLAIM, HotAccountTrace.PLACE, HotAccountTrace.PRICE,
                HotAccountTrace.SKU2, HotAccountTrace.PAY, HotAccountTrace.PAY_SERVER, HotAccountTrace.AUTHORIZE,
                HotAccountTrace.LOCK, HotAccountTrace.GATEWAY, HotAccountTrace.DEBIT, HotAccountTrace.ORDER,
                HotAccountTrace.IDEMPOTENCY), trace.criticalPath());
    }

    @Test
    void theLongestSectionNamesTheSpanAndHowLongTheRequestWaitedOnIt() {
        CriticalPath.Section longest = HotAccountTrace.trace().criticalPathLongestSection().orElseThrow();

        assertEquals(HotAccountTrace.LOCK, longest.span());
        assertEquals(Duration.ofMillis(1262), longest.duration());
        assertEquals("billing-service SELECT billing.account 1262.000 ms", longest.describe());
        // The root's own time is split into several sections; the longest is one stretch, not a sum.
        assertEquals(FanOutTrace.AUTHORIZE, FanOutTrace.trace().criticalPathLongestSection().orElseThrow().span());
        assertEquals(Optional.empty(), new Trace(TestSpans.TRACE_ID, List.of()).criticalPathLongestSection());
    }

    @Test
    void sectionsOfASpanAreItsCriticalPartsOnly() {
        CriticalPath path = CriticalPath.of(HotAccountTrace.trace());

        assertEquals(List.of("auth 55.000-56.000", "auth 1318.000-1319.000", "auth 1380.000-1381.000", "auth 1387.000-1388.000"),
                path.sectionsOf(HotAccountTrace.AUTHORIZE).stream().map(TestSpans::describe).toList());
        assertEquals(List.of(), path.sectionsOf(HotAccountTrace.SKU1));
        assertTrue(path.contains(HotAccountTrace.LOCK));
        assertFalse(path.contains(HotAccountTrace.SKU3));
    }

    @Test
    void aSpanWhoseChildCoversAllItsTimeIsOnThePathWithoutASectionOfItsOwn() {
        TraceSpan client = span("c", null, S, "POST /api/payments/authorizations", SpanKind.CLIENT, 0, 40);
        TraceSpan server = span("s", "c", "billing-service", "POST /api/payments/authorizations", SpanKind.SERVER, 0, 40);
        TraceSpan select = span("q", "s", "billing-service", "SELECT billing.account", SpanKind.CLIENT, 5, 30);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(client, server, select));

        // s started and ended with c (clocks of one millisecond): c has no time of its own, yet the path
        // runs through it to s and q, so it is on it, as a link.
        assertSections(trace, "s 0.000-5.000", "q 5.000-30.000", "s 30.000-40.000");
        assertEquals(List.of(client, server, select), trace.criticalPath());
        assertEquals(List.of(), CriticalPath.of(trace).sectionsOf(client));
    }

    /**
     * Jaeger UI's own test cases (CriticalPath/testCases/test1.js to test9.js; their times are
     * microseconds, here milliseconds), with the sections Jaeger UI expects, put in time order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("jaegerUiCases")
    void agreesWithJaegerUisOwnCases(String name, List<TraceSpan> spans, List<String> expected) {
        Trace trace = new Trace(TestSpans.TRACE_ID, spans);

        assertEquals(expected, sections(trace));
    }

    static Stream<Arguments> jaegerUiCases() {
        return Stream.of(
                Arguments.of("test1: two children one after the other", List.of(
                        span("span-C", null, S, "C", SpanKind.SERVER, 1, 101),
                        span("span-D", "span-C", S, "D", SpanKind.INTERNAL, 20, 40),
                        span("span-E", "span-C", S, "E", SpanKind.INTERNAL, 50, 60)),
                        List.of("span-C 1.000-20.000", "span-D 20.000-40.000", "span-C 40.000-50.000", "span-E 50.000-60.000",
                                "span-C 60.000-101.000")),
                Arguments.of("test2: overlapping children, the later one wins", List.of(
                        span("span-X", null, S, "X", SpanKind.SERVER, 1, 101),
                        span("span-A", "span-X", S, "A", SpanKind.INTERNAL, 10, 50),
                        span("span-C", "span-X", S, "C", SpanKind.INTERNAL, 20, 60)),
                        List.of("span-X 1.000-20.000", "span-C 20.000-60.000", "span-X 60.000-101.000")),
                Arguments.of("test3: a child that starts after its parent ended is dropped", List.of(
                        span("006c3cf93508f205", null, S, "A", SpanKind.SERVER, 100, 140),
                        span("2dc4b796e2127e32", "006c3cf93508f205", S, "B", SpanKind.INTERNAL, 200, 500)),
                        List.of("006c3cf93508f205 100.000-140.000")),
                Arguments.of("test4: ... and its children with it", List.of(
                        span("span-A", null, S, "A", SpanKind.SERVER, 1, 31),
                        span("span-B", "span-A", S, "B", SpanKind.INTERNAL, 40, 80),
                        span("span-c", "span-B", S, "C", SpanKind.INTERNAL, 50, 60)),
                        List.of("span-A 1.000-31.000")),
                Arguments.of("test5: a consumer does not block its producer", List.of(
                        span("span-A", null, S, "A", SpanKind.PRODUCER, 1, 31),
                        span("span-B", "span-A", S, "B", SpanKind.CONSUMER, 10, 20),
                        span("span-C", "span-B", S, "C", SpanKind.INTERNAL, 12, 14)),
                        List.of("span-A 1.000-31.000")),
                Arguments.of("test6: a child clipped to its clipped parent at both ends", List.of(
                        span("span-A", null, S, "A", SpanKind.SERVER, 1, 30),
                        span("span-B", "span-A", S, "B", SpanKind.INTERNAL, 15, 35),
                        span("span-C", "span-B", S, "C", SpanKind.INTERNAL, 10, 25)),
                        List.of("span-A 1.000-15.000", "span-C 15.000-25.000", "span-B 25.000-30.000")),
                Arguments.of("test7: a grandchild clipped to its parent's clipped end", List.of(
                        span("span-A", null, S, "A", SpanKind.SERVER, 1, 30),
                        span("span-B", "span-A", S, "B", SpanKind.INTERNAL, 15, 35),
                        span("span-C", "span-B", S, "C", SpanKind.INTERNAL, 20, 40)),
                        List.of("span-A 1.000-15.000", "span-B 15.000-20.000", "span-C 20.000-30.000")),
                Arguments.of("test8: a child wider than its parent takes all of its time", List.of(
                        span("span-A", null, S, "A", SpanKind.SERVER, 10, 30),
                        span("span-B", "span-A", S, "B", SpanKind.INTERNAL, 5, 35)),
                        List.of("span-B 10.000-30.000")),
                Arguments.of("test9: a child that ended before its parent started is dropped", List.of(
                        span("span-A", null, S, "A", SpanKind.SERVER, 10, 30),
                        span("span-B", "span-A", S, "B", SpanKind.INTERNAL, 1, 5)),
                        List.of("span-A 10.000-30.000")));
    }

    @Test
    void withoutARootStartsFromTheEarliestOrphan() {
        TraceSpan orphan = span("o", "gone", "billing-service", "POST /api/invoices", SpanKind.SERVER, 5, 30);
        TraceSpan child = span("c", "o", "billing-service", "INSERT billing.invoice", SpanKind.CLIENT, 10, 20);

        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(child, orphan));
        assertEquals(List.of(orphan, child), trace.criticalPath());
        assertSections(trace, "o 5.000-10.000", "c 10.000-20.000", "o 20.000-30.000");
    }

    @Test
    void aSpanThatIsItsOwnParentEndsTheWalk() {
        TraceSpan root = span("r", null, "s", "root", SpanKind.SERVER, 0, 10);
        TraceSpan loop = span("l", "l", "s", "loop", SpanKind.INTERNAL, 1, 5);
        TraceSpan pointsAtLoop = span("x", "l", "s", "child of loop", SpanKind.INTERNAL, 2, 4);

        assertEquals(List.of(root), new Trace(TestSpans.TRACE_ID, List.of(root, loop, pointsAtLoop)).criticalPath());
    }

    @Test
    void duplicateIdsAndParentCyclesNeitherLoopNorThrow() {
        TraceSpan root = span("r", null, S, "root", SpanKind.SERVER, 0, 100);
        TraceSpan firstD = span("d", "r", S, "first d", SpanKind.INTERNAL, 10, 40);
        TraceSpan rootAgain = span("r", "r", S, "a second r, child of r: so its own parent", SpanKind.INTERNAL, 20, 30);
        TraceSpan secondD = span("d", "r", S, "second d", SpanKind.INTERNAL, 50, 90);
        TraceSpan underD = span("x", "d", S, "child of either d", SpanKind.INTERNAL, 60, 80);
        TraceSpan cycleA = span("ca", "cb", S, "cycle a", SpanKind.INTERNAL, 5, 8);
        TraceSpan cycleB = span("cb", "ca", S, "cycle b", SpanKind.INTERNAL, 6, 7);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(root, firstD, rootAgain, secondD, underD, cycleA, cycleB));

        // Every span joins the tree once: x is outside the first d (10-40), so it goes under the second.
        // The second r ran inside the first d's time, when r was waiting on d: not critical.
        List<String> sections = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> sections(trace));
        assertEquals(List.of("r 0.000-10.000", "d 10.000-40.000", "r 40.000-50.000", "d 50.000-60.000", "x 60.000-80.000",
                "d 80.000-90.000", "r 90.000-100.000"), sections);
        assertTiles(trace);
    }

    @Test
    void zeroLengthChildrenAreEnteredOnce() {
        TraceSpan parent = span("p", null, S, "parent", SpanKind.SERVER, 0, 10);
        TraceSpan instant = span("z", "p", S, "zero length", SpanKind.INTERNAL, 6, 6);
        TraceSpan after = span("b", "p", S, "right after it", SpanKind.INTERNAL, 6, 10);
        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(parent, instant, after));

        // Back from b at 6, z "ended no later than b started" again and again, unless entered only once.
        // Entered, z adds no time and leads nowhere, so it is not on the path.
        List<String> sections = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> sections(trace));
        assertEquals(List.of("p 0.000-6.000", "b 6.000-10.000"), sections);
        assertEquals(List.of(parent, after), trace.criticalPath());
    }

    @Test
    void aVeryDeepTraceDoesNotOverflowTheStack() {
        int depth = 20_000;
        List<TraceSpan> spans = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            spans.add(span("s" + i, i == 0 ? null : "s" + (i - 1), S, "level " + i, SpanKind.INTERNAL, i, 2L * depth - i));
        }
        Trace trace = new Trace(TestSpans.TRACE_ID, spans);

        assertEquals(depth, trace.criticalPath().size());
        assertEquals(2 * depth - 1, trace.criticalPathSections().size());
        assertTiles(trace);
    }

    @Test
    void theSectionsCoverTheRootsTimeExactlyInEveryFixture() {
        assertTiles(FanOutTrace.trace());
        assertTiles(HotAccountTrace.trace());
        jaegerUiCases().forEach(arguments -> {
            @SuppressWarnings("unchecked")
            List<TraceSpan> spans = (List<TraceSpan>) arguments.get()[1];
            assertTiles(new Trace(TestSpans.TRACE_ID, spans));
        });
    }

    @Test
    void anEmptyTraceHasNoCriticalPath() {
        Trace empty = new Trace(TestSpans.TRACE_ID, List.of());

        assertEquals(List.of(), empty.criticalPath());
        assertEquals(List.of(), empty.criticalPathSections());
    }

    @Test
    void aZeroLengthRootIsTheWholePathWithoutSections() {
        TraceSpan root = span("r", null, S, "root", SpanKind.SERVER, 5, 5);

        Trace trace = new Trace(TestSpans.TRACE_ID, List.of(root));
        assertEquals(List.of(root), trace.criticalPath());
        assertEquals(List.of(), trace.criticalPathSections());
    }

    private static List<String> sections(Trace trace) {
        return trace.criticalPathSections().stream().map(TestSpans::describe).toList();
    }

    private static void assertSections(Trace trace, String... expected) {
        assertEquals(List.of(expected), sections(trace));
        assertTiles(trace);
    }

    /** One after the other, no gap, no overlap, from the start span's start to its end. */
    static void assertTiles(Trace trace) {
        List<CriticalPath.Section> sections = trace.criticalPathSections();
        TraceSpan start = trace.root().or(() -> trace.roots().stream().findFirst()).orElseThrow();
        assertEquals(start.start(), sections.getFirst().start(), sections::toString);
        for (int i = 1; i < sections.size(); i++) {
            assertEquals(sections.get(i - 1).end(), sections.get(i).start(), sections::toString);
        }
        assertEquals(start.end(), sections.getLast().end(), sections::toString);
    }
}
