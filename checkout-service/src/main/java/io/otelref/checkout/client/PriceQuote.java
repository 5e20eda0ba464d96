package io.otelref.checkout.client;

import java.math.BigDecimal;

public record PriceQuote(String sku, String name, BigDecimal unitPrice, String currency) {
}
