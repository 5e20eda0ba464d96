package io.otelref.checkout.config;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Switches between deliberate mistakes and their fixes while the service runs, so the difference can
 * be watched in traces and metrics without a restart. Starts from {@code checkout.fix.*}.
 */
@ApplicationScoped
public class CheckoutFixes {

    private final CheckoutConfig.Fix configured;
    private volatile boolean singleRetryLayer;
    private volatile boolean pricingFallback;

    CheckoutFixes(CheckoutConfig config) {
        this.configured = config.fix();
        reset();
    }

    /**
     * False (the default, the mistake): checkout retries a failed payment authorization although
     * billing already retries the payment gateway, so each layer multiplies the other's attempts and a
     * failing gateway gets several times the traffic: a retry storm. True (the fix): checkout sends
     * the authorization once and leaves retrying to billing, the one layer with a retry budget.
     */
    public boolean singleRetryLayer() {
        return singleRetryLayer;
    }

    public void singleRetryLayer(boolean enabled) {
        this.singleRetryLayer = enabled;
    }

    /**
     * False (the default, the mistake): one SKU that billing cannot price fails the whole checkout.
     * True (the fix): that SKU is priced at the last price billing quoted for it, if that is recent
     * enough ({@code checkout.pricing.fallback-max-age}), and the order goes through.
     */
    public boolean pricingFallback() {
        return pricingFallback;
    }

    public void pricingFallback(boolean enabled) {
        this.pricingFallback = enabled;
    }

    /** Back to the configured values. */
    public void reset() {
        this.singleRetryLayer = configured.singleRetryLayer();
        this.pricingFallback = configured.pricingFallback();
    }
}
