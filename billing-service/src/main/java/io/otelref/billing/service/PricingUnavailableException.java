package io.otelref.billing.service;

import java.util.List;
import java.util.Map;

import io.otelref.platform.problem.ProblemException;

/** The price of a SKU cannot be served now; unlike an unknown SKU, asking again later may succeed. */
public class PricingUnavailableException extends ProblemException {

    /** About how long a failed pricing shard takes to be replaced. */
    static final int RETRY_AFTER_SECONDS = 2;

    public PricingUnavailableException(String sku) {
        super(503, "pricing-unavailable", "Pricing is unavailable",
                "the price of " + sku + " cannot be served now; try again in " + RETRY_AFTER_SECONDS + " seconds",
                List.of(), Map.of("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)), null);
    }
}
