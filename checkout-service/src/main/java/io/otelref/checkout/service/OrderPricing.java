package io.otelref.checkout.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.otelref.checkout.client.BillingClient;
import io.otelref.checkout.client.PriceQuote;
import io.otelref.checkout.config.CheckoutFixes;
import io.otelref.checkout.config.PricingFanOut;
import io.otelref.checkout.rest.CheckoutRequest;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.platform.telemetry.BusinessSpan;

/**
 * Prices the distinct SKUs of an order with parallel calls to billing, at most
 * {@link PricingFanOut#maxConcurrency()} at a time. In a trace the pricing CLIENT spans are
 * siblings under {@code checkout.price_items} that overlap in time; with a concurrency of 1 they
 * line up one after another, which is how a serial fan-out looks.
 */
@ApplicationScoped
public class OrderPricing {

    private final BillingClient billing;
    private final PricingFanOut fanOut;
    private final CheckoutFixes fixes;
    private final LastQuotedPrices lastQuoted;

    OrderPricing(BillingClient billing, PricingFanOut fanOut, CheckoutFixes fixes, LastQuotedPrices lastQuoted) {
        this.billing = billing;
        this.fanOut = fanOut;
        this.fixes = fixes;
        this.lastQuoted = lastQuoted;
    }

    @BusinessSpan("checkout.price_items")
    public Map<String, PriceQuote> quote(List<CheckoutRequest.Item> items) {
        Map<String, Integer> firstLineOfSku = new LinkedHashMap<>();
        for (int line = 0; line < items.size(); line++) {
            firstLineOfSku.putIfAbsent(items.get(line).sku(), line);
        }
        Span.current().setAttribute(AppAttributes.ORDER_SKU_COUNT, (long) firstLineOfSku.size());

        Map<String, Future<PriceQuote>> pending = new LinkedHashMap<>();
        Semaphore inFlight = new Semaphore(fanOut.maxConcurrency());
        // Threads do not inherit the OpenTelemetry context: wrapping the executor makes each pricing
        // call a child of this span instead of the root of a trace of its own.
        try (ExecutorService executor = Context.taskWrapping(Executors.newVirtualThreadPerTaskExecutor())) {
            for (String sku : firstLineOfSku.keySet()) {
                pending.put(sku, executor.submit(() -> priceWithin(inFlight, sku)));
            }
        }
        return collect(pending, firstLineOfSku, fixes.pricingFallback());
    }

    private PriceQuote priceWithin(Semaphore inFlight, String sku) {
        inFlight.acquireUninterruptibly();
        try {
            return lastQuoted.remember(billing.priceOf(sku));
        } finally {
            inFlight.release();
        }
    }

    /**
     * Every unknown SKU is reported at once, each naming its line. A failure of billing itself
     * outranks them: answers from a dependency that is failing are not worth reporting. With the
     * pricing fallback on, a SKU whose call failed for billing's sake is priced at its last quote
     * instead; its CLIENT spans stay ERROR, and {@code app.pricing.fallback_count} says how many were.
     */
    private Map<String, PriceQuote> collect(Map<String, Future<PriceQuote>> pending, Map<String, Integer> firstLineOfSku,
            boolean fallback) {
        Map<String, PriceQuote> quotes = new LinkedHashMap<>();
        List<Problem.FieldError> unknownSkus = new ArrayList<>();
        List<Problem.FieldError> unpriceable = new ArrayList<>();
        Throwable firstUnpriceableFailure = null;
        RuntimeException dependencyFailure = null;
        long fallbacks = 0;
        for (Map.Entry<String, Future<PriceQuote>> entry : pending.entrySet()) {
            String sku = entry.getKey();
            String field = "items[" + firstLineOfSku.get(sku) + "].sku";
            Future<PriceQuote> quote = entry.getValue();
            if (quote.state() == Future.State.SUCCESS) {
                quotes.put(sku, quote.resultNow());
            } else if (quote.exceptionNow() instanceof DownstreamRejection rejection && rejection.status() == 404) {
                unknownSkus.add(new Problem.FieldError(field, sku + " is not a known product"));
            } else if (fallback && quote.exceptionNow() instanceof DependencyUnavailableException unavailable) {
                Optional<PriceQuote> remembered = lastQuoted.recent(sku);
                if (remembered.isPresent()) {
                    quotes.put(sku, remembered.get());
                    fallbacks++;
                } else {
                    unpriceable.add(new Problem.FieldError(field, sku + " could not be priced, and no price of it quoted in the last "
                            + lastQuoted.maxAge().toSeconds() + " s is known"));
                    firstUnpriceableFailure = firstUnpriceableFailure == null ? unavailable : firstUnpriceableFailure;
                }
            } else if (dependencyFailure == null) {
                dependencyFailure = quote.exceptionNow() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(quote.exceptionNow());
            }
        }
        if (fallback) {
            Span.current().setAttribute(AppAttributes.PRICING_FALLBACK_COUNT, fallbacks);
        }
        if (dependencyFailure != null) {
            throw dependencyFailure;
        }
        if (!unpriceable.isEmpty()) {
            throw new PriceUnavailableException(unpriceable, firstUnpriceableFailure);
        }
        if (!unknownSkus.isEmpty()) {
            throw new ProblemException(422, "unknown-sku", "The order names unknown products",
                    unknownSkus.size() == 1 ? unknownSkus.getFirst().message() : unknownSkus.size() + " products are unknown",
                    unknownSkus, Map.of(), null);
        }
        return quotes;
    }
}
