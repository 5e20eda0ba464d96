package io.otelref.checkout.telemetry;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Carries a trace across the outbox table. The request that stores an event keeps its W3C
 * {@code traceparent}/{@code tracestate} in the row; the relay, seconds later and on another thread,
 * restores it as the parent of the Kafka PRODUCER span, so the trace goes on where it left off.
 */
@ApplicationScoped
public class OutboxTraceContext {

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The two W3C header values, as stored in the outbox row. */
    public record Captured(String traceparent, String tracestate) {
    }

    /** The context's trace as the two W3C header values, to store in the row. */
    public Captured capture(Context context) {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        return new Captured(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** The stored trace as a context to parent the PRODUCER span on; an empty one when the row has none. */
    public Context restore(String traceparent, String tracestate) {
        Map<String, String> carrier = new HashMap<>();
        if (traceparent != null) {
            carrier.put(TRACEPARENT, traceparent);
        }
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MAP_GETTER);
    }
}
