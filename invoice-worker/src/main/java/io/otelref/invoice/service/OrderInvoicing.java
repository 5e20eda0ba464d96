package io.otelref.invoice.service;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.otelref.invoice.client.BillingClient;
import io.otelref.invoice.client.Invoice;
import io.otelref.invoice.config.WorkerBehaviour;
import io.otelref.invoice.messaging.InvoiceCreatedPublisher;
import io.otelref.invoice.messaging.OrderPlacedReader;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.platform.events.OrderPlaced;
import io.otelref.platform.problem.ProblemException;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.platform.resilience.UnprocessableRecordException;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.platform.telemetry.BusinessSpans;
import io.otelref.platform.telemetry.SpanErrors;

/**
 * Invoices the order of one {@code orders.placed} record: billing-service creates (or returns) the
 * invoice, then InvoiceCreated is published. Processing the same record twice is harmless, because
 * billing issues at most one invoice per idempotency key, the worker sends the order id as that key
 * (unless {@code WorkerFixes} is switched to the mistake), and the repeated event names the same invoice.
 *
 * <p>The span is opened here rather than by {@code @BusinessSpan} because a worker has no caller to blame:
 * a record that can never be invoiced is dead-lettered, and that is an ERROR of this span. It is opened
 * through {@link BusinessSpans}, like every business span.
 */
@ApplicationScoped
public class OrderInvoicing {

    private static final Logger LOG = Logger.getLogger(OrderInvoicing.class);

    static final String SPAN_NAME = "worker.invoice_order";

    private final BusinessSpans spans;
    private final OrderPlacedReader reader;
    private final BillingClient billing;
    private final InvoiceCreatedPublisher publisher;
    private final WorkerBehaviour behaviour;

    OrderInvoicing(BusinessSpans spans, OrderPlacedReader reader, BillingClient billing, InvoiceCreatedPublisher publisher,
            WorkerBehaviour behaviour) {
        this.spans = spans;
        this.reader = reader;
        this.billing = billing;
        this.publisher = publisher;
        this.behaviour = behaviour;
    }

    /**
     * Returns once Kafka has acknowledged the InvoiceCreated event.
     *
     * @throws UnprocessableRecordException when no later attempt could invoice this record; any other
     *                                     failure is a dependency's, and a later attempt may succeed
     */
    public InvoiceCreated invoice(String payload) throws InterruptedException {
        Span span = spans.start(SPAN_NAME);
        try (Scope ignored = span.makeCurrent()) {
            behaviour.awaitProcessingDelay();
            OrderPlaced order = reader.read(payload);
            span.setAttribute(AppAttributes.ORDER_ID, order.orderId());
            span.setAttribute(AppAttributes.ACCOUNT_ID, order.accountId());
            Invoice invoice = createInvoice(order);
            span.setAttribute(AppAttributes.INVOICE_ID, invoice.invoiceId());
            InvoiceCreated created = invoiceCreated(invoice);
            publisher.publish(created);
            // The worker's one record per order: its step of the order's life (docs/telemetry/logs.md).
            LOG.infof("Invoice %s of order %s published", invoice.invoiceId(), order.orderId());
            return created;
        } catch (UnprocessableRecordException unprocessable) {
            SpanErrors.record(span, unprocessable, unprocessable.errorType());
            throw unprocessable;
        } catch (ProblemException problem) {
            SpanErrors.record(span, problem, problem.typeSlug());
            throw problem;
        } catch (RuntimeException failure) {
            SpanErrors.record(span, failure);
            throw failure;
        } finally {
            span.end();
        }
    }

    private Invoice createInvoice(OrderPlaced order) {
        try {
            return billing.createInvoice(order.orderId());
        } catch (DownstreamRejection rejection) {
            throw new UnprocessableRecordException(rejection.typeSlug(),
                    BillingClient.DEPENDENCY + " answered " + rejection.status() + " for order " + order.orderId()
                            + ": " + rejection.getMessage(),
                    rejection);
        }
    }

    /**
     * The event id is derived from the invoice id, so a repeated event for the same invoice is
     * recognisably the same event to a consumer that de-duplicates by id.
     */
    private static InvoiceCreated invoiceCreated(Invoice invoice) {
        String eventId = UUID.nameUUIDFromBytes(("invoice-created:" + invoice.invoiceId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new InvoiceCreated(eventId, invoice.orderId(), invoice.invoiceId(), invoice.amount(), invoice.currency(),
                invoice.createdAt());
    }
}
