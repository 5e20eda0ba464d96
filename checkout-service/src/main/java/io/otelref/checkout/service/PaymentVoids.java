package io.otelref.checkout.service;

import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.otelref.checkout.client.BillingClient;
import io.otelref.checkout.repository.PaymentHoldRepository;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.telemetry.attributes.AppAttributes;
import io.otelref.platform.telemetry.BusinessSpan;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Voids the payment of one orphaned hold at billing, and forgets the hold once billing holds nothing. */
@ApplicationScoped
public class PaymentVoids {

    private static final Logger LOG = Logger.getLogger(PaymentVoids.class);

    /** What became of an orphaned hold; the {@code outcome} tag of {@code app.payment.orphans}. */
    public enum Outcome {
        /** Billing had authorized the payment, and has given it back. */
        VOIDED,
        /** Billing had authorized nothing (the checkout failed before, or billing refused). */
        NOTHING_HELD,
        /** Billing could not be reached, or its gateway not; tried again later. */
        RETRY_LATER;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final BillingClient billing;
    private final PaymentHoldRepository holds;

    PaymentVoids(BillingClient billing, PaymentHoldRepository holds) {
        this.billing = billing;
        this.holds = holds;
    }

    @BusinessSpan("checkout.void_orphaned_payment")
    public Outcome voidPayment(UUID orderId, String accountId) {
        Span span = Span.current()
                .setAttribute(AppAttributes.ORDER_ID, orderId.toString())
                .setAttribute(AppAttributes.ACCOUNT_ID, accountId);
        Outcome outcome;
        try {
            billing.voidAuthorization(orderId);
            outcome = Outcome.VOIDED;
            span.setAttribute(AppAttributes.PAYMENT_OUTCOME, "voided");
        } catch (DownstreamRejection rejection) {
            if (rejection.status() != 404) {
                // 409 authorization-captured: the order was invoiced, so it exists; this hold should not.
                LOG.errorf("Billing refused to void the payment of order %s: %s; the hold is dropped", orderId,
                        rejection.getMessage());
            }
            outcome = Outcome.NOTHING_HELD;
        } catch (DependencyUnavailableException unavailable) {
            LOG.warnf("The payment of order %s could not be voided now; it is tried again later: %s", orderId,
                    unavailable.getMessage());
            return Outcome.RETRY_LATER;
        }
        QuarkusTransaction.requiringNew().run(() -> holds.forget(orderId));
        return outcome;
    }
}
