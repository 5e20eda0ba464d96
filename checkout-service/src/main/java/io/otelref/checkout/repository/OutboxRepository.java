package io.otelref.checkout.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.otelref.checkout.domain.OutboxEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /**
     * Reserves the oldest unpublished events for one relay until {@code leasedUntil}. SKIP LOCKED lets
     * several checkout replicas poll at once without waiting on each other or taking the same rows;
     * the lease (not a transaction held open across the Kafka send) keeps the rows reserved meanwhile.
     */
    public List<OutboxEvent> leaseOldestPending(int limit, Instant now, Instant leasedUntil) {
        List<?> leased = getEntityManager().createNativeQuery("""
                UPDATE outbox_event SET leased_until = :leasedUntil
                 WHERE id IN (SELECT id FROM outbox_event
                               WHERE published_at IS NULL AND (leased_until IS NULL OR leased_until < :now)
                               ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING *""", OutboxEvent.class)
                .setParameter("leasedUntil", leasedUntil)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        return leased.stream()
                .map(OutboxEvent.class::cast)
                .sorted(Comparator.comparingLong(event -> event.id))
                .toList();
    }

    public void markPublished(long eventId, Instant at) {
        update("publishedAt = ?1, leasedUntil = null, attempts = attempts + 1 where id = ?2", at, eventId);
    }

    public void recordFailure(long eventId, String reason) {
        update("leasedUntil = null, attempts = attempts + 1, lastError = ?1 where id = ?2", reason, eventId);
    }

    public void releaseLeases(List<Long> eventIds) {
        if (!eventIds.isEmpty()) {
            update("leasedUntil = null where id in ?1", eventIds);
        }
    }

    public long countPending() {
        return count("publishedAt is null");
    }
}
