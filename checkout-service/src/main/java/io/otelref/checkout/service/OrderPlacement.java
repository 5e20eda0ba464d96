package io.otelref.checkout.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.otelref.checkout.domain.CustomerOrder;
import io.otelref.checkout.domain.OrderLine;
import io.otelref.checkout.domain.OrderStatus;
import io.otelref.checkout.messaging.OutboxWriter;
import io.otelref.checkout.repository.OrderRepository;
import io.otelref.checkout.rest.OrderResponse;
import io.otelref.platform.events.OrderPlaced;

/**
 * Stores a paid order in one transaction with everything that must happen with it: its lines, the
 * {@code orders.placed} event in the outbox, the response to its Idempotency-Key, and the end of its
 * payment hold. Either all of it exists afterwards or none of it does.
 */
@ApplicationScoped
public class OrderPlacement {

    private final OrderRepository orders;
    private final OutboxWriter outbox;
    private final IdempotencyService idempotency;
    private final PaymentHolds holds;
    private final ObjectMapper json;
    private final String ordersPlacedTopic;

    OrderPlacement(OrderRepository orders, OutboxWriter outbox, IdempotencyService idempotency, PaymentHolds holds,
            ObjectMapper json, @ConfigProperty(name = "mp.messaging.outgoing.orders-placed.topic") String ordersPlacedTopic) {
        this.orders = orders;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.holds = holds;
        this.json = json;
        this.ordersPlacedTopic = ordersPlacedTopic;
    }

    @Transactional
    public OrderResponse store(PricedOrder priced, IdempotencyClaim claim) {
        CustomerOrder order = new CustomerOrder();
        order.id = priced.orderId();
        order.accountId = priced.accountId();
        order.status = OrderStatus.PENDING_INVOICE;
        order.total = priced.total();
        order.currency = priced.currency();
        order.createdAt = Instant.now();
        for (PricedOrder.Line priceLine : priced.lines()) {
            OrderLine line = new OrderLine();
            line.order = order;
            line.lineNumber = priceLine.lineNumber();
            line.sku = priceLine.sku();
            line.quantity = priceLine.quantity();
            line.unitPrice = priceLine.unitPrice();
            line.lineTotal = priceLine.lineTotal();
            order.lines.add(line);
        }
        holds.orderStored(order.id);
        orders.persist(order);

        outbox.enqueue(ordersPlacedTopic, order.id.toString(), new OrderPlaced(UUID.randomUUID().toString(),
                order.id.toString(), order.accountId, order.total, order.currency, order.createdAt));

        OrderResponse response = OrderResponse.of(order);
        idempotency.complete(claim, 201, MediaType.APPLICATION_JSON, toJson(response));
        return response;
    }

    private String toJson(OrderResponse response) {
        try {
            return json.writeValueAsString(response);
        } catch (JsonProcessingException unserializable) {
            throw new IllegalStateException("order response cannot be written as JSON", unserializable);
        }
    }
}
