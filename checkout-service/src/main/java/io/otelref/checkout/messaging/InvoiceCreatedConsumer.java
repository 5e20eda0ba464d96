package io.otelref.checkout.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.checkout.service.OrderInvoiceRecorder;
import io.otelref.messaging.RecordProcessing;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.platform.resilience.UnprocessableRecordException;
import io.otelref.platform.telemetry.BusinessSpans;
import io.otelref.telemetry.attributes.AppAttributes;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Closes the loop of the checkout trace: invoice-worker's {@code invoices.created} event marks the
 * order INVOICED, at least once and with the same effect however often it arrives. An event that can
 * never be applied goes to {@code invoices.created.dlq}; one that cannot be applied now (the database
 * is away) waits, as {@link RecordProcessing} does for every consumer of this system.
 */
@ApplicationScoped
public class InvoiceCreatedConsumer {

    private final RecordProcessing records;
    private final OrderInvoiceRecorder invoicing;
    private final ObjectMapper json;
    private final BusinessSpans spans;

    InvoiceCreatedConsumer(RecordProcessing records, OrderInvoiceRecorder invoicing, ObjectMapper json, BusinessSpans spans) {
        this.records = records;
        this.invoicing = invoicing;
        this.json = json;
        this.spans = spans;
    }

    @Incoming("invoices-created")
    @RunOnVirtualThread
    public CompletionStage<Void> onInvoiceCreated(Message<String> record) {
        return records.process(record, payload -> {
            InvoiceCreated event = read(payload);
            // No business span of its own: recording an invoice is one UPDATE, the CONSUMER span says it all.
            spans.current()
                    .setAttribute(AppAttributes.ORDER_ID, event.orderId())
                    .setAttribute(AppAttributes.INVOICE_ID, event.invoiceId());
            invoicing.recordInvoice(event);
        }).acknowledgement();
    }

    private InvoiceCreated read(String payload) {
        try {
            InvoiceCreated event = payload == null ? null : json.readValue(payload, InvoiceCreated.class);
            if (event == null || event.orderId() == null || event.invoiceId() == null) {
                throw new UnprocessableRecordException(UnprocessableRecordException.INVALID,
                        "InvoiceCreated without orderId or invoiceId");
            }
            return event;
        } catch (JsonProcessingException unreadable) {
            throw new UnprocessableRecordException(UnprocessableRecordException.MALFORMED,
                    "the payload is not an InvoiceCreated JSON document: " + unreadable.getOriginalMessage(), unreadable);
        }
    }
}
