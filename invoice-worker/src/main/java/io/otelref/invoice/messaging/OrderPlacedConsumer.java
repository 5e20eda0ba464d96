package io.otelref.invoice.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.otelref.invoice.service.OrderInvoicing;
import io.otelref.messaging.RecordProcessing;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Consumes {@code orders.placed}, at least once: a record is acknowledged only after its InvoiceCreated
 * event has been acknowledged by Kafka (a crash in between means the record is processed again, which is
 * harmless: billing issues one invoice per order). A record that can never be invoiced goes to
 * {@code orders.placed.dlq}; one whose invoice cannot be created now (billing or Kafka unavailable) waits,
 * as {@link RecordProcessing} does for every consumer of this system. {@link RecordProcessing} also measures
 * each record ({@code messaging.process.duration}, {@code error.type} set when it was dead-lettered).
 */
@ApplicationScoped
public class OrderPlacedConsumer {

    private final RecordProcessing records;
    private final OrderInvoicing invoicing;
    private final ProcessingSlots slots;

    OrderPlacedConsumer(RecordProcessing records, OrderInvoicing invoicing, ProcessingSlots slots) {
        this.records = records;
        this.invoicing = invoicing;
        this.slots = slots;
    }

    @Incoming("orders-placed")
    @RunOnVirtualThread
    public CompletionStage<Void> onOrderPlaced(Message<String> record) {
        // The time spent waiting for a slot counts as processing time: from outside, it is the worker being slow.
        return records.process(record, payload -> {
            try (ProcessingSlots.Slot slot = slots.acquire()) {
                invoicing.invoice(payload);
            }
        }).acknowledgement();
    }
}
