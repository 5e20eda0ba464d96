package io.otelref.checkout.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.context.Context;
import io.otelref.checkout.domain.OutboxEvent;
import io.otelref.checkout.repository.OutboxRepository;
import io.otelref.checkout.telemetry.OutboxTraceContext;

/** Stores an event in the outbox, in the caller's transaction, with the trace context it was raised in. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final ObjectMapper json;
    private final Event<OutboxEventStored> stored;
    private final OutboxTraceContext traceContext;

    OutboxWriter(OutboxRepository outbox, ObjectMapper json, Event<OutboxEventStored> stored, OutboxTraceContext traceContext) {
        this.outbox = outbox;
        this.json = json;
        this.stored = stored;
        this.traceContext = traceContext;
    }

    @Transactional(TxType.MANDATORY)
    public void enqueue(String topic, String key, Object event) {
        OutboxTraceContext.Captured trace = traceContext.capture(Context.current());
        OutboxEvent row = new OutboxEvent();
        row.topic = topic;
        row.eventKey = key;
        row.payload = toJson(event);
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        row.createdAt = Instant.now();
        outbox.persist(row);
        stored.fire(new OutboxEventStored());
    }

    private String toJson(Object event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException unserializable) {
            throw new IllegalArgumentException("event cannot be written as JSON: " + event, unserializable);
        }
    }
}
