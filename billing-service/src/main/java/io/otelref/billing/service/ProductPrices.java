package io.otelref.billing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.billing.domain.Product;
import io.otelref.billing.repository.ProductRepository;
import io.otelref.billing.simulation.PricingOutage;

@ApplicationScoped
public class ProductPrices {

    private final ProductRepository products;
    private final PricingOutage outage;

    ProductPrices(ProductRepository products, PricingOutage outage) {
        this.products = products;
        this.outage = outage;
    }

    /** @throws PricingUnavailableException while {@link PricingOutage} lists the SKU, before the product is even looked up */
    public Product priceOf(String sku) {
        if (outage.isUnavailable(sku)) {
            throw new PricingUnavailableException(sku);
        }
        return products.findByIdOptional(sku).orElseThrow(() -> new UnknownSkuException(sku));
    }
}
