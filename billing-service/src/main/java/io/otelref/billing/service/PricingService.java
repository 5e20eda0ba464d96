package io.otelref.billing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.domain.Product;
import io.otelref.billing.repository.ProductRepository;

@ApplicationScoped
public class PricingService {

    private final ProductRepository products;

    PricingService(ProductRepository products) {
        this.products = products;
    }

    public Product priceOf(String sku) {
        return products.findByIdOptional(sku).orElseThrow(() -> new UnknownSkuException(sku));
    }
}
