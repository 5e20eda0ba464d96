package io.otelref.checkout.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.otelref.checkout.domain.CustomerOrder;
import io.otelref.checkout.domain.OrderStatus;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderResponse(UUID orderId, String accountId, OrderStatus status, List<Line> lines, BigDecimal total,
        String currency, UUID invoiceId, Instant createdAt, Instant invoicedAt) {

    public record Line(String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    public static OrderResponse of(CustomerOrder order) {
        return new OrderResponse(order.id, order.accountId, order.status,
                order.lines.stream().map(line -> new Line(line.sku, line.quantity, line.unitPrice, line.lineTotal)).toList(),
                order.total, order.currency, order.invoiceId, order.createdAt, order.invoicedAt);
    }
}
