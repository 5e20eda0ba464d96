package io.otelref.checkout.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.otelref.checkout.service.OrderInvoicing;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.platform.telemetry.AppAttributes;
import io.otelref.platform.telemetry.InstrumentationPhase;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Closes the loop of the checkout trace: invoice-worker's {@code invoices.created} event marks the
 * order INVOICED. An event that cannot be applied is dead-lettered rather than retried forever.
 */
@ApplicationScoped
public class InvoiceCreatedConsumer {

    private final OrderInvoicing invoicing;
    private final ObjectMapper json;
    private final InstrumentationPhase phase;

    InvoiceCreatedConsumer(OrderInvoicing invoicing, ObjectMapper json, InstrumentationPhase phase) {
        this.invoicing = invoicing;
        this.json = json;
        this.phase = phase;
    }

    @Incoming("invoices-created")
    @RunOnVirtualThread
    public void onInvoiceCreated(String payload) throws JsonProcessingException {
        InvoiceCreated event = json.readValue(payload, InvoiceCreated.class);
        // The one app.* call site that is not on a business span (BusinessSpans gates those): the CONSUMER span.
        if (phase.appAttributes()) {
            Span.current()
                    .setAttribute(AppAttributes.ORDER_ID, event.orderId())
                    .setAttribute(AppAttributes.INVOICE_ID, event.invoiceId());
        }
        invoicing.recordInvoice(event);
    }
}
