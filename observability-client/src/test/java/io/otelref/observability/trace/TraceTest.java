package io.otelref.observability.trace;

import static io.otelref.observability.trace.FanOutTrace.AUTHORIZE;
import static io.otelref.observability.trace.FanOutTrace.CONSUME;
import static io.otelref.observability.trace.FanOutTrace.PAY;
import static io.otelref.observability.trace.FanOutTrace.PAY_SERVER;
import static io.otelref.observability.trace.FanOutTrace.PRICE;
import static io.otelref.observability.trace.FanOutTrace.PUBLISH;
import static io.otelref.observability.trace.FanOutTrace.ROOT;
import static io.otelref.observability.trace.FanOutTrace.SKU1;
import static io.otelref.observability.trace.FanOutTrace.SKU2;
import static io.otelref.observability.trace.FanOutTrace.SKU3;
import static io.otelref.observability.trace.TestSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TraceTest {

    private final Trace trace = FanOutTrace.trace();

    @Test
    void spansComeInStartOrderWhateverOrderTheyArrivedIn() {
        assertEquals(List.of(ROOT, PRICE, SKU1, SKU2, SKU3, PAY, PAY_SERVER, AUTHORIZE, PUBLISH, CONSUME), trace.spans());
    }

    @Test
    void buildsTheTreeFromParentIds() {
        assertEquals(Optional.of(ROOT), trace.root());
        assertEquals(List.of(PRICE, PAY, PUBLISH), trace.children(ROOT));
        assertEquals(List.of(SKU1, SKU2, SKU3), trace.children(PRICE));
        assertEquals(List.of(), trace.children(CONSUME));
        assertEquals(Optional.of(PUBLISH), trace.parent(CONSUME));
        assertEquals(Optional.empty(), trace.parent(ROOT));
        assertTrue(trace.isAncestor(ROOT, AUTHORIZE));
        assertFalse(trace.isAncestor(PRICE, AUTHORIZE));
    }

    @Test
    void aCompleteTraceHasNoOrphans() {
        assertEquals(List.of(), trace.orphans());
        assertEquals(List.of(ROOT), trace.roots());
    }

    @Test
    void spansWhoseParentIsMissingAreOrphansAndExtraRoots() {
        Trace withoutPayClient = new Trace(TestSpans.TRACE_ID, FanOutTrace.SPANS.stream().filter(span -> span != PAY).toList());

        assertEquals(List.of(PAY_SERVER), withoutPayClient.orphans());
        assertEquals(List.of(ROOT, PAY_SERVER), withoutPayClient.roots());
        assertEquals(Optional.of(ROOT), withoutPayClient.root());
    }

    @Test
    void aTraceWhoseRootHasNotArrivedHasNoRoot() {
        Trace withoutRoot = new Trace(TestSpans.TRACE_ID, FanOutTrace.SPANS.stream().filter(span -> span != ROOT).toList());

        assertEquals(Optional.empty(), withoutRoot.root());
        assertEquals(List.of(PRICE, PAY, PUBLISH), withoutRoot.orphans());
    }

    @Test
    void answersQuestionsAboutServicesAndErrors() {
        assertEquals(List.of("checkout-service", "billing-service", "invoice-worker"), trace.services());
        assertEquals(List.of(PAY_SERVER, AUTHORIZE), trace.spansOf("billing-service"));
        assertEquals(List.of(AUTHORIZE), trace.errors());
        assertEquals(CONSUME, trace.one(span -> span.kind() == SpanKind.CONSUMER));
    }

    @Test
    void oneFailsListingTheTraceWhenTheMatchIsNotUnique() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> trace.one(span -> span.operation().startsWith("GET")));

        assertTrue(failure.getMessage().contains("found 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("invoice-worker orders.placed process (CONSUMER, 190.000 ms)"),
                failure.getMessage());
    }

    @Test
    void theTraceLastsUntilItsLastSpanEndsEvenAfterTheRoot() {
        assertEquals(TestSpans.T0, trace.start());
        assertEquals(Duration.ofMillis(300), trace.duration());
        assertEquals(Duration.ofMillis(100), ROOT.duration());
    }

    @Test
    void eitherErrorTagMarksASpanAsFailed() {
        assertTrue(span("a", null, "s", "op", SpanKind.SERVER, 0, 1, "error", "true").isError());
        assertTrue(span("b", null, "s", "op", SpanKind.SERVER, 0, 1, "otel.status_code", "ERROR").isError());
        assertFalse(span("c", null, "s", "op", SpanKind.SERVER, 0, 1, "otel.status_code", "OK").isError());
        assertFalse(span("d", null, "s", "op", SpanKind.SERVER, 0, 1, "http.response.status_code", "404").isError());
    }

    @Test
    void readsSpanKindTagsAndTreatsAMissingOneAsInternal() {
        assertEquals(SpanKind.CONSUMER, SpanKind.fromTag("consumer"));
        assertEquals(SpanKind.INTERNAL, SpanKind.fromTag(null));
    }
}
