package io.otelref.invoice;

import java.util.Map;

import io.otelref.platform.events.Topics;
import io.otelref.testing.KafkaTopics;
import io.otelref.testing.TraceParent;

/** The worker's test topics and the one record the tests send: the worker is driven and observed only through Kafka. */
final class KafkaTestClients {

    static final String ORDERS_PLACED = "test." + Topics.ORDERS_PLACED;
    static final String INVOICES_CREATED = "test." + Topics.INVOICES_CREATED;
    static final String ORDERS_PLACED_DLQ = "test." + Topics.ORDERS_PLACED_DEAD_LETTER;

    static final KafkaTopics KAFKA = new KafkaTopics(KafkaTopics.localBroker());

    private KafkaTestClients() {
    }

    /** Sends one record to {@code orders.placed} with a W3C {@code traceparent} header; returns once the broker has it. */
    static void sendOrderPlaced(String key, String payload, TraceParent traceParent) {
        KAFKA.send(ORDERS_PLACED, key, payload, Map.of("traceparent", traceParent.headerValue()));
    }
}
