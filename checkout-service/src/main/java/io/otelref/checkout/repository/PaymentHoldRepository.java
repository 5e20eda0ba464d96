package io.otelref.checkout.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The {@code payment_hold} table (see its migration). Plain SQL: each statement's WHERE clause is what
 * keeps a checkout storing its order and the orphan check voiding its payment from both succeeding.
 */
@ApplicationScoped
public class PaymentHoldRepository {

    /** A hold claimed for voiding, with the account it was asked for. */
    public record Claimed(UUID orderId, String accountId) {
    }

    private final EntityManager entityManager;

    PaymentHoldRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that billing is about to be asked; a retried checkout of the same order renews its row.
     *
     * @return false if the order's hold is being voided: the order must not go on with it
     */
    public boolean record(UUID orderId, String accountId, Instant now) {
        return entityManager.createNativeQuery("""
                INSERT INTO payment_hold (order_id, account_id, requested_at) VALUES (:orderId, :accountId, :now)
                ON CONFLICT (order_id) DO UPDATE SET requested_at = excluded.requested_at
                 WHERE NOT payment_hold.voiding""")
                .setParameter("orderId", orderId)
                .setParameter("accountId", accountId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /**
     * Removes the hold of an order being stored, in the order's transaction.
     *
     * @return false if it was claimed for voiding meanwhile (or is gone): the order must not be stored
     */
    public boolean release(UUID orderId) {
        return entityManager.createNativeQuery("DELETE FROM payment_hold WHERE order_id = :orderId AND NOT voiding")
                .setParameter("orderId", orderId)
                .executeUpdate() == 1;
    }

    /** Removes a hold whose payment is settled otherwise: voided, or never authorized. */
    public void forget(UUID orderId) {
        entityManager.createNativeQuery("DELETE FROM payment_hold WHERE order_id = :orderId")
                .setParameter("orderId", orderId)
                .executeUpdate();
    }

    /**
     * Claims up to {@code limit} holds requested before {@code cutoff} for voiding, renewing their time so
     * that a claim whose void failed is taken up again after another {@code cutoff}'s worth of time. SKIP
     * LOCKED lets replicas claim side by side; a checkout storing its order at this moment holds the row
     * lock, and either its DELETE or this UPDATE wins.
     */
    public List<Claimed> claimOrphans(Instant cutoff, Instant now, int limit) {
        List<?> rows = entityManager.createNativeQuery("""
                UPDATE payment_hold SET voiding = TRUE, requested_at = :now
                 WHERE order_id IN (SELECT order_id FROM payment_hold WHERE requested_at < :cutoff
                                     ORDER BY requested_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING order_id, account_id""")
                .setParameter("now", now)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(row -> new Claimed((UUID) row[0], (String) row[1])).toList();
    }
}
