package io.otelref.platform.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.platform.telemetry.BusinessSpans;
import io.otelref.telemetry.attributes.AppAttributes;

class PhasedBusinessSpansTest {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(new Collecting()).build().get("test");

    @Test
    void belowPhaseThreeThereIsNoBusinessSpanAndItsAttributesGoNowhere() {
        Span server = tracer.spanBuilder("POST /api/checkout").startSpan();
        try (Scope ignored = server.makeCurrent()) {
            Span business = spans(2).start("checkout.place_order");
            try (Scope inside = business.makeCurrent()) {
                business.setAttribute(AppAttributes.ACCOUNT_ID, "acc-0001");
                tracer.spanBuilder("SELECT billing.account").startSpan().end();
            } finally {
                business.end();
            }
        } finally {
            server.end();
        }

        assertEquals(List.of("SELECT billing.account", "POST /api/checkout"), ended.stream().map(SpanData::getName).toList());
        assertEquals(server.getSpanContext().getSpanId(), ended.getFirst().getParentSpanId(),
                "the dependency span hangs under the SERVER span");
        assertTrue(ended.stream().allMatch(span -> span.getAttributes().get(AppAttributes.ACCOUNT_ID) == null),
                "no app.* attribute anywhere");
    }

    @Test
    void fromPhaseThreeTheBusinessSpanIsRecordedWithItsAttributes() {
        Span business = spans(3).start("checkout.place_order");
        business.setAttribute(AppAttributes.ACCOUNT_ID, "acc-0001");
        business.end();

        assertEquals(1, ended.size());
        assertEquals("checkout.place_order", ended.getFirst().getName());
        assertEquals("acc-0001", ended.getFirst().getAttributes().get(AppAttributes.ACCOUNT_ID));
    }

    @Test
    void eachPhaseAddsWhatTheRunbookSays() {
        assertFalse(new InstrumentationPhase(2).businessSpans());
        assertTrue(new InstrumentationPhase(3).appAttributes());
        assertFalse(new InstrumentationPhase(5).asyncContext());
        assertTrue(new InstrumentationPhase(6).asyncContext());
        assertThrows(IllegalArgumentException.class, () -> new InstrumentationPhase(7));
        assertThrows(IllegalArgumentException.class, () -> new InstrumentationPhase(-1));
    }

    @Test
    void belowPhaseThreeTheAttributesOfAConsumersSpanGoNowhereAndFromItOnTheyLand() {
        Span consumer = tracer.spanBuilder("process invoices.created").startSpan();
        try (Scope ignored = consumer.makeCurrent()) {
            spans(2).current().setAttribute(AppAttributes.ORDER_ID, "order-2");
            assertEquals(null, ((ReadableSpan) consumer).getAttribute(AppAttributes.ORDER_ID));
            spans(3).current().setAttribute(AppAttributes.ORDER_ID, "order-3");
        } finally {
            consumer.end();
        }
        assertEquals("order-3", ended.getFirst().getAttributes().get(AppAttributes.ORDER_ID));
    }

    private BusinessSpans spans(int phase) {
        return new PhasedBusinessSpans(tracer, new InstrumentationPhase(phase));
    }

    private final class Collecting implements SpanProcessor {

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
