package io.otelref.invoice;

import static io.otelref.invoice.KafkaTestClients.sendOrderPlaced;
import static io.otelref.testing.KafkaTopics.header;
import static io.otelref.testing.TraceView.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.TopicTail;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTopicsResource.class)
class DeadLetterTest {

    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final String REASON_HEADER = "dead-letter-reason";

    @Inject
    BillingStub billing;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    ExportedMetrics metrics;

    private TopicTail deadLetters;
    private TopicTail invoicesCreated;

    @BeforeEach
    void openTails() {
        deadLetters = KafkaTestClients.KAFKA.tail(KafkaTestClients.ORDERS_PLACED_DLQ);
        invoicesCreated = KafkaTestClients.KAFKA.tail(KafkaTestClients.INVOICES_CREATED);
    }

    @AfterEach
    void closeTails() {
        deadLetters.close();
        invoicesCreated.close();
    }

    @Test
    void poisonRecordsAreDeadLetteredAndTheGoodRecordBehindThemIsInvoiced() {
        String malformedKey = "malformed-" + UUID.randomUUID();
        TraceParent malformedTrace = TraceParent.random();
        String invalidKey = "invalid-" + UUID.randomUUID();
        TraceParent invalidTrace = TraceParent.random();
        String unknownOrderId = UUID.randomUUID().toString();
        TraceParent unknownTrace = TraceParent.random();
        billing.treatAsUnknown(unknownOrderId);
        String goodOrderId = UUID.randomUUID().toString();

        // Read before sending: a record dead-lettered before the read would not count.
        double malformedBefore = deadLetterCount("malformed-event");
        double unknownBefore = deadLetterCount("unknown-order");
        sendOrderPlaced(malformedKey, "{\"orderId\": ", malformedTrace);
        sendOrderPlaced(invalidKey, OrderPlacedPayloads.valid("not-a-uuid"), invalidTrace);
        sendOrderPlaced(unknownOrderId, OrderPlacedPayloads.valid(unknownOrderId), unknownTrace);
        sendOrderPlaced(goodOrderId, OrderPlacedPayloads.valid(goodOrderId), TraceParent.random());

        assertDeadLettered(malformedKey, malformedTrace, "malformed-event", "malformed-event: ");
        assertDeadLettered(invalidKey, invalidTrace, "invalid-event", "invalid-event: OrderPlaced orderId is not a UUID");
        assertDeadLettered(unknownOrderId, unknownTrace, "unknown-order", "unknown-order: ");
        assertEquals(1, invoicesCreated.awaitRecords(goodOrderId, 1).size(), "the partition moved on");
        assertEquals(1, billing.callsFor(unknownOrderId), "a rejection is not retried");
        assertEquals(1.0, deadLetterCount("malformed-event") - malformedBefore);
        assertEquals(1.0, deadLetterCount("unknown-order") - unknownBefore);

        assertFailedSpan(malformedTrace, "malformed-event");
        assertFailedSpan(invalidTrace, "invalid-event");
        SpanData unknownOrder = assertFailedSpan(unknownTrace, "unknown-order");
        assertEquals(unknownOrderId, unknownOrder.getAttributes().get(AppAttributes.ORDER_ID));
    }

    private void assertDeadLettered(String key, TraceParent upstream, String errorType, String reasonPrefix) {
        ConsumerRecord<String, String> deadLetter = deadLetters.awaitRecords(key, 1).getFirst();
        String reason = header(deadLetter, REASON_HEADER);
        assertTrue(reason != null && reason.startsWith(reasonPrefix), () -> "reason of " + key + ": " + reason);
        assertEquals(errorType, header(deadLetter, "dead-letter-error-type"));
        assertEquals(KafkaTestClients.ORDERS_PLACED, header(deadLetter, "dead-letter-topic"));
        long traceparents = StreamSupport.stream(deadLetter.headers().headers("traceparent").spliterator(), false).count();
        assertEquals(1, traceparents, "one traceparent, the record's own, so that a replay continues its trace");
        assertEquals(upstream.traceId(), TraceParent.traceIdOf(header(deadLetter, "traceparent")));
    }

    /** {@code app.dead_letters} of orders.placed for one reason. */
    private double deadLetterCount(String errorType) {
        return metrics.counter("app.dead_letters", Attributes.of(AttributeKey.stringKey("messaging.destination.name"),
                KafkaTestClients.ORDERS_PLACED, AttributeKey.stringKey("error.type"), errorType));
    }

    private SpanData assertFailedSpan(TraceParent upstream, String errorType) {
        TraceView trace = TraceView.awaitSpan(spans, upstream.traceId(), named("worker.invoice_order"));
        SpanData invoiceOrder = trace.one(named("worker.invoice_order"));
        assertEquals(StatusCode.ERROR, invoiceOrder.getStatus().getStatusCode(), trace::describe);
        assertEquals(errorType, invoiceOrder.getAttributes().get(ERROR_TYPE), trace::describe);
        assertTrue(invoiceOrder.getEvents().stream().anyMatch(event -> event.getName().equals("exception")),
                trace::describe);
        return invoiceOrder;
    }
}
