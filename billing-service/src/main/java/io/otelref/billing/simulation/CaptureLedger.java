package io.otelref.billing.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.otelref.billing.client.GatewayCapture;
import io.otelref.billing.client.GatewayCaptureRequest;

/**
 * The money the simulated gateway has taken (table {@code simulated_gateway_capture}, see its migration).
 * Like a real gateway, it answers a repeated Idempotency-Key with the first capture instead of charging
 * again; a request without a key is charged every time.
 */
@ApplicationScoped
public class CaptureLedger {

    /** One idempotency key's capture, and how many requests asked for it. */
    public record KeyedCapture(GatewayCapture capture, int requests) {
    }

    private final EntityManager entityManager;

    CaptureLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One statement decides whether this request charges: the insert of the key, or the count of a repeat. */
    @Transactional
    GatewayCapture capture(String idempotencyKey, GatewayCaptureRequest request) {
        // The resource has refused a malformed key already; no key at all is charged every time.
        String key = idempotencyKey == null ? "unkeyed-" + UUID.randomUUID() : idempotencyKey;
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                insert into simulated_gateway_capture (idempotency_key, capture_reference, amount, currency, requests, captured_at)
                values (:key, :reference, :amount, :currency, 1, :now)
                on conflict (idempotency_key) do update set requests = simulated_gateway_capture.requests + 1
                returning capture_reference, amount, currency""")
                .setParameter("key", key)
                .setParameter("reference", "cap-" + UUID.randomUUID())
                .setParameter("amount", request.amount())
                .setParameter("currency", request.currency())
                .setParameter("now", Instant.now())
                .getSingleResult();
        return new GatewayCapture((String) row[0], (BigDecimal) row[1], (String) row[2]);
    }

    /** The capture made under {@code idempotencyKey}, if there is one. */
    @Transactional
    public Optional<KeyedCapture> find(String idempotencyKey) {
        List<?> rows = entityManager.createNativeQuery("""
                select capture_reference, amount, currency, requests from simulated_gateway_capture
                 where idempotency_key = :key""")
                .setParameter("key", idempotencyKey)
                .getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(row -> new KeyedCapture(
                new GatewayCapture((String) row[0], (BigDecimal) row[1], (String) row[2]), ((Number) row[3]).intValue()));
    }

    /** How many times money was taken. */
    @Transactional
    public long charges() {
        return ((Number) entityManager.createNativeQuery("select count(*) from simulated_gateway_capture").getSingleResult())
                .longValue();
    }
}
