package io.otelref.checkout.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.otelref.checkout.client.AuthorizationRequest;
import io.otelref.checkout.client.BillingClient;
import io.otelref.checkout.client.PaymentAuthorization;
import io.otelref.checkout.config.CheckoutFixes;
import io.otelref.platform.problem.Problem;
import io.otelref.platform.problem.ProblemException;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.telemetry.attributes.AppAttributes;

/**
 * Asks billing to authorize the order's total and turns billing's refusals into answers for our caller.
 * A hold is recorded first ({@link PaymentHolds}), so that money billing holds for an order that is then
 * never stored is given back.
 */
@ApplicationScoped
public class PaymentService {

    /** The largest amount billing's {@code POST /api/payments/authorizations} takes (its {@code amount} maximum). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000.00");

    private final BillingClient billing;
    private final CheckoutFixes fixes;
    private final PaymentHolds holds;

    PaymentService(BillingClient billing, CheckoutFixes fixes, PaymentHolds holds) {
        this.billing = billing;
        this.fixes = fixes;
        this.holds = holds;
    }

    public void authorize(PricedOrder order) {
        if (order.total().compareTo(MAX_AMOUNT) > 0) {
            // Billing's API takes no larger amount (it would answer 400, our defect), and no account has
            // that much credit: a decline, as billing itself would decline it.
            Span.current().setAttribute(AppAttributes.PAYMENT_OUTCOME, "declined");
            throw new ProblemException(402, "payment-declined", "The payment was declined",
                    "the total of " + order.total() + " " + order.currency() + " exceeds the largest payment that can be authorized, "
                            + MAX_AMOUNT + " " + order.currency(),
                    List.of(), Map.of(), null);
        }
        holds.beforeAuthorizing(order.orderId(), order.accountId());
        try {
            send(new AuthorizationRequest(order.orderId(), order.accountId(), order.total(), order.currency()));
            Span.current().setAttribute(AppAttributes.PAYMENT_OUTCOME, "authorized");
        } catch (DownstreamRejection rejection) {
            holds.refused(order.orderId());
            throw answerFor(rejection);
        }
    }

    /** Billing retries the payment gateway itself: see {@link CheckoutFixes#singleRetryLayer()}. */
    private PaymentAuthorization send(AuthorizationRequest request) {
        return fixes.singleRetryLayer() ? billing.authorizeOnce(request) : billing.authorize(request);
    }

    private static RuntimeException answerFor(DownstreamRejection rejection) {
        return switch (rejection.status()) {
            case 402 -> {
                Span.current().setAttribute(AppAttributes.PAYMENT_OUTCOME, "declined");
                yield new ProblemException(402, "payment-declined", "The payment was declined", rejection.getMessage(),
                        List.of(), Map.of(), rejection);
            }
            case 404 -> ProblemException.forField(422, "unknown-account", "The account does not exist", "accountId",
                    "is not a known account");
            case 409 -> new ProblemException(409, "order-conflict", "The order conflicts with an earlier payment",
                    rejection.getMessage(), List.of(), Map.of(), rejection);
            default -> rejection;
        };
    }
}
