package io.otelref.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The width of the pricing fan-out, changeable while the service runs so that a trace of a parallel
 * fan-out and one of a serial fan-out can be compared side by side. Starts from
 * {@code checkout.pricing.max-concurrency}.
 */
@ApplicationScoped
public class PricingFanOut {

    private final int configuredMaxConcurrency;
    private volatile int maxConcurrency;

    PricingFanOut(CheckoutConfig config) {
        this.configuredMaxConcurrency = config.pricing().maxConcurrency();
        reset();
    }

    /** How many SKUs of one order are priced at the same time. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    public void maxConcurrency(int width) {
        this.maxConcurrency = width;
    }

    /** Back to the configured width. */
    public void reset() {
        this.maxConcurrency = configuredMaxConcurrency;
    }
}
