package io.otelref.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Published on {@value Topics#ORDERS_PLACED} by checkout-service's outbox relay, keyed by order id, once
 * the order and its payment authorization are stored. The W3C trace context travels in the record
 * headers, not in the payload.
 */
public record OrderPlaced(String eventId, String orderId, String accountId, BigDecimal total, String currency,
        Instant placedAt) {
}
