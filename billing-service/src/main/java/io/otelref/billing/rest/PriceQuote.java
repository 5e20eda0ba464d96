package io.otelref.billing.rest;

import java.math.BigDecimal;

import io.otelref.billing.domain.Product;

public record PriceQuote(String sku, String name, BigDecimal unitPrice, String currency) {

    static PriceQuote of(Product product) {
        return new PriceQuote(product.sku, product.name, product.unitPrice, product.currency);
    }
}
