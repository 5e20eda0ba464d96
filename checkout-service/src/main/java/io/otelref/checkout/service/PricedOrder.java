package io.otelref.checkout.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.otelref.checkout.client.PriceQuote;
import io.otelref.checkout.rest.CheckoutRequest;

/** An order with every line priced by billing, ready to be paid for and stored. */
public record PricedOrder(UUID orderId, String accountId, List<Line> lines, BigDecimal total, String currency) {

    public record Line(int lineNumber, String sku, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {
    }

    static PricedOrder of(UUID orderId, CheckoutRequest request, Map<String, PriceQuote> quotes) {
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (CheckoutRequest.Item item : request.items()) {
            PriceQuote quote = quotes.get(item.sku());
            BigDecimal lineTotal = quote.unitPrice().multiply(BigDecimal.valueOf(item.quantity()));
            lines.add(new Line(lines.size() + 1, item.sku(), item.quantity(), quote.unitPrice(), lineTotal));
            total = total.add(lineTotal);
        }
        String currency = quotes.values().iterator().next().currency();
        return new PricedOrder(orderId, request.accountId(), List.copyOf(lines), total, currency);
    }
}
