package io.otelref.platform.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

class BusinessSpansTest {

    private final Tracer tracer = SdkTracerProvider.builder().build().get("test");
    private final BusinessSpans spans = new BusinessSpans(tracer);

    @Test
    void aBusinessSpanIsAChildOfTheCurrentSpan() {
        Span server = tracer.spanBuilder("POST /api/checkout").startSpan();
        try (Scope ignored = server.makeCurrent()) {
            Span business = spans.start("checkout.place_order");
            assertTrue(business.isRecording());
            assertEquals("checkout.place_order", ((ReadableSpan) business).getName());
            assertEquals(server.getSpanContext().getSpanId(), ((ReadableSpan) business).getParentSpanContext().getSpanId());
            business.end();
        } finally {
            server.end();
        }
    }

    @Test
    void withoutABusinessSpanTheAttributesGoOnTheCurrentSpan() {
        Span consumer = tracer.spanBuilder("process invoices.created").startSpan();
        try (Scope ignored = consumer.makeCurrent()) {
            assertSame(consumer, spans.current());
        } finally {
            consumer.end();
        }
    }
}
