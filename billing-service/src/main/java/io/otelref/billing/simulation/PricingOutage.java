package io.otelref.billing.simulation;

import java.util.Collection;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * SKUs whose prices cannot be served right now, as if the pricing shard holding them were down. Empty
 * at start; set at runtime for the fan-out-partial-failure scenario, where one failing price out of
 * many decides the fate of a whole checkout.
 */
@ApplicationScoped
public class PricingOutage {

    private volatile Set<String> unavailableSkus = Set.of();

    public Set<String> unavailableSkus() {
        return unavailableSkus;
    }

    public void change(Collection<String> skus) {
        this.unavailableSkus = Set.copyOf(skus);
    }

    public boolean isUnavailable(String sku) {
        return unavailableSkus.contains(sku);
    }

    /** No SKU unavailable. */
    public void reset() {
        unavailableSkus = Set.of();
    }
}
