package io.otelref.checkout.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.otelref.checkout.domain.IdempotencyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, String> {

    /** Inserts the record unless the key exists; true when this call created it. Race-free under concurrency. */
    public boolean insertIfAbsent(String key, String fingerprint, UUID orderId, Instant claimedAt) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO idempotency_record (idempotency_key, request_fingerprint, order_id, state, claimed_at)
                VALUES (:key, :fingerprint, :orderId, 'IN_PROGRESS', :claimedAt)
                ON CONFLICT (idempotency_key) DO NOTHING""")
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .setParameter("orderId", orderId)
                .setParameter("claimedAt", claimedAt)
                .executeUpdate() == 1;
    }

    public IdempotencyRecord lockExisting(String key) {
        return findById(key, LockModeType.PESSIMISTIC_WRITE);
    }
}
