package io.otelref.checkout.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.checkout.client.PriceQuote;
import io.otelref.checkout.config.CheckoutConfig;

/**
 * The last price billing quoted for each SKU, kept in memory by each replica so that a failed pricing
 * call can fall back to it. Only SKUs that billing priced are remembered (an unknown SKU is a 404,
 * never a quote), so the map is bounded by billing's catalogue, not by what callers send.
 */
@ApplicationScoped
public class LastQuotedPrices {

    private record Quoted(PriceQuote quote, Instant at) {
    }

    private final Map<String, Quoted> bySku = new ConcurrentHashMap<>();
    private final Duration maxAge;

    LastQuotedPrices(CheckoutConfig config) {
        this.maxAge = config.pricing().fallbackMaxAge();
    }

    /** Remembers a quote billing has just given, and returns it. */
    public PriceQuote remember(PriceQuote quote) {
        bySku.put(quote.sku(), new Quoted(quote, Instant.now()));
        return quote;
    }

    /** The last quote for the SKU, unless it is older than {@code checkout.pricing.fallback-max-age}. */
    public Optional<PriceQuote> recent(String sku) {
        Instant oldestUsable = Instant.now().minus(maxAge);
        return Optional.ofNullable(bySku.get(sku))
                .filter(quoted -> !quoted.at().isBefore(oldestUsable))
                .map(Quoted::quote);
    }

    public Duration maxAge() {
        return maxAge;
    }
}
