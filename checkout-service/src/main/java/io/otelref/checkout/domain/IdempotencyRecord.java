package io.otelref.checkout.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What an {@code Idempotency-Key} was first used for, and the response it got. The order id is fixed
 * at the first attempt, so a client's retry after a 503 authorizes the same order at billing instead
 * of a second one.
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    public enum State {
        IN_PROGRESS, RELEASED, COMPLETED
    }

    @Id
    @Column(name = "idempotency_key")
    public String key;

    @Column(name = "request_fingerprint", nullable = false)
    public String requestFingerprint;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "response_status")
    public Integer responseStatus;

    @Column(name = "response_type")
    public String responseType;

    @Column(name = "response_body")
    public String responseBody;

    @Column(name = "completed_at")
    public Instant completedAt;
}
