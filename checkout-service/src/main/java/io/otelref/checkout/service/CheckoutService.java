package io.otelref.checkout.service;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.otelref.checkout.client.PriceQuote;
import io.otelref.checkout.rest.CheckoutRequest;
import io.otelref.checkout.rest.OrderResponse;
import io.otelref.checkout.telemetry.CheckoutMetrics.Outcome;
import io.otelref.checkout.telemetry.CheckoutMetrics;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.otelref.platform.problem.ProblemResponses;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.platform.telemetry.BusinessSpan;

/**
 * The checkout path: claim the Idempotency-Key, price the items (fan-out), authorize the payment,
 * then store order and outbox event together. Nothing is stored until billing has said yes, so a
 * rejected or failed checkout leaves no partial order behind.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);

    private final IdempotencyService idempotency;
    private final OrderPricing pricing;
    private final PaymentService payments;
    private final OrderPlacement placement;
    private final CheckoutMetrics metrics;
    private final ObjectMapper json;

    CheckoutService(IdempotencyService idempotency, OrderPricing pricing, PaymentService payments,
            OrderPlacement placement, CheckoutMetrics metrics, ObjectMapper json) {
        this.idempotency = idempotency;
        this.pricing = pricing;
        this.payments = payments;
        this.placement = placement;
        this.metrics = metrics;
        this.json = json;
    }

    @BusinessSpan("checkout.place_order")
    public CheckoutResult placeOrder(CheckoutRequest request, Optional<String> idempotencyKey) {
        long timing = metrics.startCheckout();
        Outcome outcome = Outcome.FAILED;
        try {
            CheckoutResult result = execute(request, idempotencyKey);
            outcome = result.replayed() ? Outcome.REPLAYED : Outcome.PLACED;
            return result;
        } catch (ProblemException problem) {
            outcome = outcomeOf(problem);
            throw problem;
        } finally {
            metrics.endCheckout(timing, outcome);
        }
    }

    private CheckoutResult execute(CheckoutRequest request, Optional<String> idempotencyKey) {
        Span span = Span.current().setAttribute(AppAttributes.ACCOUNT_ID, request.accountId());
        IdempotencyClaim claim = idempotency.claim(idempotencyKey, request);
        span.setAttribute(AppAttributes.ORDER_ID, claim.orderId().toString());
        if (claim.replay().isPresent()) {
            span.setAttribute(AppAttributes.IDEMPOTENT_REPLAY, true);
            return claim.replay().get();
        }
        try {
            Map<String, PriceQuote> quotes = pricing.quote(request.items());
            PricedOrder priced = PricedOrder.of(claim.orderId(), request, quotes);
            payments.authorize(priced);
            OrderResponse order = placement.store(priced, claim);
            // One record per state transition of an order, in the service that made it (docs/telemetry/logs.md).
            LOG.infof("Order %s placed", order.orderId());
            return new CheckoutResult(201, "application/json", order, order.orderId(), false);
        } catch (ProblemException problem) {
            if (problem.status() < 500) {
                // A retry with the same key would get the same answer: keep it, as for a success.
                idempotency.complete(claim, problem.status(), Problem.MEDIA_TYPE, toJson(ProblemResponses.problemOf(problem)));
            } else {
                idempotency.release(claim);
            }
            throw problem;
        } catch (RuntimeException failure) {
            idempotency.release(claim);
            throw failure;
        }
    }

    private static Outcome outcomeOf(ProblemException problem) {
        if (problem.status() == 402) {
            return Outcome.DECLINED;
        }
        // Billing unavailable, whether for the whole order or for SKUs the pricing fallback could not cover.
        if (problem.status() == 503) {
            return Outcome.UNAVAILABLE;
        }
        return problem.status() < 500 ? Outcome.REJECTED : Outcome.FAILED;
    }

    private String toJson(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException unserializable) {
            throw new IllegalStateException("problem cannot be written as JSON", unserializable);
        }
    }
}
