package io.otelref.invoice.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Timer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.otelref.invoice.service.OrderInvoicing;
import io.otelref.invoice.service.UnprocessableEventException;
import io.otelref.invoice.telemetry.InvoiceProcessingMetrics;
import io.otelref.invoice.telemetry.InvoiceProcessingMetrics.Outcome;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * Consumes {@code orders.placed}. A record is acknowledged only after its InvoiceCreated event has been
 * acknowledged by Kafka (at least once: a crash in between means the record is processed again, which
 * is harmless). A record that can never be invoiced is nacked, which sends it to
 * {@code orders.placed.dlq} with the reason in its {@code dead-letter-reason} header, and the partition
 * moves on.
 */
@ApplicationScoped
public class OrderPlacedConsumer {

    private static final Logger LOG = Logger.getLogger(OrderPlacedConsumer.class);

    private final OrderInvoicing invoicing;
    private final TransientFailureRetry retry;
    private final InvoiceProcessingMetrics metrics;
    private final ProcessingSlots slots;

    OrderPlacedConsumer(OrderInvoicing invoicing, TransientFailureRetry retry, InvoiceProcessingMetrics metrics,
            ProcessingSlots slots) {
        this.invoicing = invoicing;
        this.retry = retry;
        this.metrics = metrics;
        this.slots = slots;
    }

    @Incoming("orders-placed")
    @RunOnVirtualThread
    public CompletionStage<Void> onOrderPlaced(Message<String> record) {
        Timer.Sample processing = metrics.start();
        // The connector continued the producer's trace from the traceparent header in a CONSUMER span;
        // making it current here is what puts the worker's own spans under it.
        Context consumed = TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext).orElse(Context.current());
        // The time spent waiting for a slot counts as processing time: from outside, it is the worker being slow.
        try (Scope ignored = consumed.makeCurrent(); ProcessingSlots.Slot slot = slots.acquire()) {
            retry.untilDone(() -> invoicing.invoice(record.getPayload()));
            metrics.stop(processing, Outcome.INVOICED);
            return record.ack();
        } catch (UnprocessableEventException unprocessable) {
            LOG.warnf("dead-lettering an orders.placed record: %s", unprocessable.getMessage());
            metrics.stop(processing, Outcome.DEAD_LETTERED);
            return record.nack(unprocessable);
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            // Neither acknowledged nor dead-lettered: the offset stays uncommitted and the record is consumed again.
            return CompletableFuture.completedFuture(null);
        }
    }
}
