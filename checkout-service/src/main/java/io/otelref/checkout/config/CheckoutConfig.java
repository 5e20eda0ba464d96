package io.otelref.checkout.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Tuning of the checkout path; every key is documented in docs/services/checkout-service.md. */
@ConfigMapping(prefix = "checkout")
public interface CheckoutConfig {

    Pricing pricing();

    Outbox outbox();

    Idempotency idempotency();

    Payment payment();

    Fix fix();

    interface Pricing {

        /**
         * How many SKUs of one order are priced in parallel: the width of the fan-out seen in a trace.
         * The start value of {@link PricingFanOut}, which the admin API changes at runtime.
         */
        @WithDefault("4")
        @Min(1)
        @Max(64)
        int maxConcurrency();

        /** How old a remembered price may be and still stand in for a failed pricing call; see {@link CheckoutFixes#pricingFallback()}. */
        @WithDefault("10m")
        Duration fallbackMaxAge();
    }

    interface Outbox {

        /** How often the relay looks for events left behind; a committed order triggers it at once anyway. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most events published per poll. */
        @WithDefault("50")
        @Min(1)
        int batchSize();

        /** How long a poll may wait for Kafka to acknowledge one event before leaving it for the next poll. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** How long a claimed batch stays reserved for one relay, so two replicas never publish it at once. */
        @WithDefault("60s")
        Duration lease();
    }

    interface Idempotency {

        /** After this, a request still marked in progress is presumed dead and its key may be claimed again. */
        @WithDefault("30s")
        Duration inProgressTimeout();
    }

    /** Giving back the payments of checkouts that failed after billing may have authorized them. */
    interface Payment {

        /**
         * A payment hold older than this belongs to a checkout that failed: no checkout request lasts this
         * long (pricing and the authorization's retries take seconds), so none is still working on it.
         */
        @WithDefault("60s")
        Duration orphanAfter();

        /** How often holds are looked for; a failed checkout's money is back within orphan-after plus this. */
        @WithDefault("10s")
        Duration orphanCheckInterval();
    }

    /** The start values of {@link CheckoutFixes}. */
    interface Fix {

        /** See {@link CheckoutFixes#singleRetryLayer()}. */
        @WithDefault("false")
        boolean singleRetryLayer();

        /** See {@link CheckoutFixes#pricingFallback()}. */
        @WithDefault("false")
        boolean pricingFallback();
    }
}
