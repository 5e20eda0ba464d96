package io.otelref.invoice;

import static io.otelref.invoice.KafkaTestClients.sendOrderPlaced;
import static io.otelref.testing.KafkaTopics.header;
import static io.otelref.testing.TraceView.kind;
import static io.otelref.testing.TraceView.named;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelref.invoice.client.Invoice;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.testing.ExportedMetrics;
import io.otelref.testing.TopicTail;
import io.otelref.testing.TraceParent;
import io.otelref.testing.TraceView;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaTopicsResource.class)
class InvoicingTest {

    /**
     * The deprecated key SmallRye's Kafka instrumentation still writes in the process; the collector renames it
     * to messaging.system.name on the way to Jaeger (docs/telemetry/conventions.md). This test reads the SDK's
     * own output, before the collector.
     */
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> MESSAGING_DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    @Inject
    BillingStub billing;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    ExportedMetrics metrics;

    @Inject
    ObjectMapper json;

    private TopicTail invoicesCreated;

    @BeforeEach
    void openTail() {
        invoicesCreated = KafkaTestClients.KAFKA.tail(KafkaTestClients.INVOICES_CREATED);
    }

    @AfterEach
    void closeTail() {
        invoicesCreated.close();
    }

    @Test
    void anOrderPlacedBecomesOneInvoiceCreatedInTheSameTrace() throws Exception {
        String orderId = UUID.randomUUID().toString();
        TraceParent upstream = TraceParent.random();

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), upstream);

        ConsumerRecord<String, String> record = invoicesCreated.awaitRecords(orderId, 1).getFirst();
        InvoiceCreated event = json.readValue(record.value(), InvoiceCreated.class);
        Invoice invoice = billing.invoiceFor(orderId);
        assertEquals(invoice.invoiceId(), event.invoiceId());
        assertEquals(orderId, event.orderId());
        assertEquals(0, invoice.amount().compareTo(event.amount()));
        assertEquals(invoice.currency(), event.currency());
        assertNotNull(event.eventId());
        assertEquals(upstream.traceId(), TraceParent.traceIdOf(header(record, "traceparent")));
        assertEquals(1, invoicesCreated.recordsAfter(orderId, Duration.ofSeconds(1)).size(), "one event per invoice");
        assertEquals(1, billing.callsFor(orderId));
    }

    /**
     * The business span that invoiced the order: it ends after its PRODUCER child, so once it is
     * exported the whole tree is.
     */
    private static final Predicate<SpanData> INVOICED = named("worker.invoice_order")
            .and(span -> span.getAttributes().get(AppAttributes.INVOICE_ID) != null);

    @Test
    void theTraceRunsFromTheUpstreamProducerThroughBillingToInvoicesCreated() {
        String orderId = UUID.randomUUID().toString();
        TraceParent upstream = TraceParent.random();

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), upstream);

        TraceView trace = TraceView.awaitSpan(spans, upstream.traceId(), INVOICED);
        SpanData consumer = trace.one(kind(SpanKind.CONSUMER));
        assertEquals(upstream.parentSpanId(), consumer.getParentSpanId(), trace::describe);
        assertEquals("kafka", consumer.getAttributes().get(MESSAGING_SYSTEM));
        assertEquals(KafkaTestClients.ORDERS_PLACED, consumer.getAttributes().get(MESSAGING_DESTINATION));

        SpanData invoiceOrder = trace.one(named("worker.invoice_order"));
        assertEquals(consumer.getSpanId(), invoiceOrder.getParentSpanId(), trace::describe);
        assertEquals(orderId, invoiceOrder.getAttributes().get(AppAttributes.ORDER_ID));
        assertEquals("acc-0042", invoiceOrder.getAttributes().get(AppAttributes.ACCOUNT_ID));
        assertEquals(billing.invoiceFor(orderId).invoiceId(), invoiceOrder.getAttributes().get(AppAttributes.INVOICE_ID));
        assertEquals(StatusCode.UNSET, invoiceOrder.getStatus().getStatusCode());

        SpanData billingCall = trace.one(kind(SpanKind.CLIENT));
        assertEquals(invoiceOrder.getSpanId(), billingCall.getParentSpanId(), trace::describe);
        SpanData producer = trace.one(kind(SpanKind.PRODUCER));
        assertEquals(invoiceOrder.getSpanId(), producer.getParentSpanId(), trace::describe);
        assertEquals(KafkaTestClients.INVOICES_CREATED, producer.getAttributes().get(MESSAGING_DESTINATION));
        assertTrue(billingCall.getEndEpochNanos() <= producer.getStartEpochNanos(), "the invoice exists before it is announced");
    }

    @Test
    void billingFailingTwiceIsRetriedVisiblyAndStillInvoicesOnce() {
        String orderId = UUID.randomUUID().toString();
        TraceParent upstream = TraceParent.random();
        billing.failNextCalls(orderId, 2);
        double retriesBefore = billingRetries();

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), upstream);

        invoicesCreated.awaitRecords(orderId, 1);
        TraceView trace = TraceView.awaitSpan(spans, upstream.traceId(), INVOICED);
        SpanData invoiceOrder = trace.one(named("worker.invoice_order"));
        List<SpanData> attempts = trace.all(kind(SpanKind.CLIENT)).stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
        assertEquals(3, attempts.size(), trace::describe);
        attempts.forEach(attempt -> assertEquals(invoiceOrder.getSpanId(), attempt.getParentSpanId(), trace::describe));
        assertNull(attempts.get(0).getAttributes().get(RESEND_COUNT));
        assertEquals(1L, attempts.get(1).getAttributes().get(RESEND_COUNT));
        assertEquals(2L, attempts.get(2).getAttributes().get(RESEND_COUNT));
        assertEquals(2.0, billingRetries() - retriesBefore);
        assertEquals(1, invoicesCreated.recordsAfter(orderId, Duration.ofSeconds(1)).size());
        assertEquals(3, billing.callsFor(orderId));
    }

    @Test
    void anOutageLongerThanTheClientRetriesHoldsTheRecordUntilBillingIsBack() {
        String orderId = UUID.randomUUID().toString();
        TraceParent upstream = TraceParent.random();
        // BillingClient makes four attempts per call: the first call fails, the worker retries the record.
        billing.failNextCalls(orderId, 6);

        sendOrderPlaced(orderId, OrderPlacedPayloads.valid(orderId), upstream);

        invoicesCreated.awaitRecords(orderId, 1);
        TraceView trace = TraceView.awaitSpan(spans, upstream.traceId(), INVOICED);
        List<SpanData> invoiceAttempts = trace.all(named("worker.invoice_order")).stream()
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
        assertEquals(2, invoiceAttempts.size(), trace::describe);
        assertEquals(StatusCode.ERROR, invoiceAttempts.get(0).getStatus().getStatusCode());
        assertEquals("dependency-unavailable", invoiceAttempts.get(0).getAttributes().get(ERROR_TYPE));
        assertEquals(StatusCode.UNSET, invoiceAttempts.get(1).getStatus().getStatusCode());
        String consumerSpanId = trace.one(kind(SpanKind.CONSUMER)).getSpanId();
        invoiceAttempts.forEach(attempt -> assertEquals(consumerSpanId, attempt.getParentSpanId(), trace::describe));
        assertEquals(7, billing.callsFor(orderId));
    }

    @Test
    void aRedeliveredEventAnnouncesTheSameInvoiceAgain() throws Exception {
        String orderId = UUID.randomUUID().toString();
        String payload = OrderPlacedPayloads.valid(orderId);

        sendOrderPlaced(orderId, payload, TraceParent.random());
        sendOrderPlaced(orderId, payload, TraceParent.random());

        List<ConsumerRecord<String, String>> records = invoicesCreated.awaitRecords(orderId, 2);
        InvoiceCreated first = json.readValue(records.get(0).value(), InvoiceCreated.class);
        InvoiceCreated second = json.readValue(records.get(1).value(), InvoiceCreated.class);
        assertEquals(billing.invoiceFor(orderId).invoiceId(), first.invoiceId());
        assertEquals(first.invoiceId(), second.invoiceId());
        assertEquals(first.eventId(), second.eventId(), "a consumer de-duplicating by event id sees one event");
        assertEquals(2, billing.callsFor(orderId));
    }

    private double billingRetries() {
        return metrics.counter("app.dependency.retries", Attributes.of(AttributeKey.stringKey("dependency"), "billing-service",
                AttributeKey.stringKey("operation"), "createInvoice"));
    }
}
