package io.otelref.checkout.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.otelref.checkout.domain.CustomerOrder;
import io.otelref.checkout.repository.OrderRepository;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.platform.events.InvoiceCreated;
import io.otelref.platform.resilience.UnprocessableRecordException;

/** Applies an {@code invoices.created} event to its order, once, however often it is delivered. */
@ApplicationScoped
public class OrderInvoiceRecorder {

    private static final Logger LOG = Logger.getLogger(OrderInvoiceRecorder.class);

    private final OrderRepository orders;
    private final CheckoutMetrics metrics;

    OrderInvoiceRecorder(OrderRepository orders, CheckoutMetrics metrics) {
        this.orders = orders;
        this.metrics = metrics;
    }

    /** @throws UnknownOrderException when no such order exists here; the event is dead-lettered */
    @Transactional
    public void recordInvoice(InvoiceCreated event) {
        CustomerOrder order = orders.findById(uuid(event.orderId(), "orderId"));
        if (order == null) {
            throw new UnknownOrderException(event.orderId());
        }
        Instant now = Instant.now();
        if (order.markInvoiced(uuid(event.invoiceId(), "invoiceId"), now)) {
            metrics.orderInvoiced(Duration.between(order.createdAt, now));
            LOG.infof("Order %s invoiced", order.id);
        }
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            throw new UnprocessableRecordException(UnprocessableRecordException.INVALID, field + " is not a UUID: " + value);
        }
    }

    /** The event names an order this service never stored: no redelivery can change that. */
    public static class UnknownOrderException extends UnprocessableRecordException {
        UnknownOrderException(String orderId) {
            super("unknown-order", "no order " + orderId + " in checkout-service");
        }
    }
}
