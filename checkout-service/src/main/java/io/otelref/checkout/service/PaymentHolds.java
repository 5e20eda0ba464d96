package io.otelref.checkout.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.otelref.checkout.repository.PaymentHoldRepository;
import io.otelref.platform.resilience.DependencyUnavailableException;

/**
 * What makes a failed checkout give back its money. Before billing is asked to authorize an order's
 * payment, a hold is written in a transaction of its own; the transaction that stores the order removes
 * it. Whatever fails in between (the database, this process, the network after billing said yes) leaves
 * the hold behind, and {@link OrphanedPayments} voids its authorization once it is old enough that no
 * request can still be working on it. If the database is away when the hold would be written, billing
 * is not asked at all.
 */
@ApplicationScoped
public class PaymentHolds {

    private final PaymentHoldRepository holds;

    PaymentHolds(PaymentHoldRepository holds) {
        this.holds = holds;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void beforeAuthorizing(UUID orderId, String accountId) {
        if (!holds.record(orderId, accountId, Instant.now())) {
            throw new PaymentBeingVoidedException(orderId, null);
        }
    }

    /** Billing refused the payment: nothing is held. Best effort, the orphan check would find out too. */
    @Transactional(TxType.REQUIRES_NEW)
    public void refused(UUID orderId) {
        holds.forget(orderId);
    }

    /** In the transaction that stores the order. */
    @Transactional(TxType.MANDATORY)
    public void orderStored(UUID orderId) {
        if (!holds.release(orderId)) {
            throw new PaymentBeingVoidedException(orderId, null);
        }
    }

    /**
     * This checkout took so long that its payment was taken for an orphan's and is being voided. The
     * caller's retry (with the same Idempotency-Key, for the same order) authorizes the payment afresh.
     */
    public static class PaymentBeingVoidedException extends DependencyUnavailableException {
        PaymentBeingVoidedException(UUID orderId, Throwable cause) {
            super("billing-service", "the payment of order " + orderId + " was given up while this checkout waited;"
                    + " try again in " + RETRY_AFTER_SECONDS + " seconds", cause);
        }
    }
}
