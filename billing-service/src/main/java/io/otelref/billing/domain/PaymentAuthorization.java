package io.otelref.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Money of an account held for one order; at most one per order. */
@Entity
@Table(name = "payment_authorization")
public class PaymentAuthorization {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "account_id")
    public String accountId;

    public BigDecimal amount;

    public String currency;

    @Enumerated(EnumType.STRING)
    public AuthorizationStatus status;

    /** The gateway's id of this authorization; null while it is PENDING. */
    @Column(name = "gateway_reference")
    public String gatewayReference;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    public static PaymentAuthorization of(UUID orderId, String accountId, BigDecimal amount, String currency,
            AuthorizationStatus status, String gatewayReference) {
        PaymentAuthorization authorization = new PaymentAuthorization();
        authorization.id = UUID.randomUUID();
        authorization.orderId = orderId;
        authorization.accountId = accountId;
        authorization.amount = amount;
        authorization.currency = currency;
        authorization.status = status;
        authorization.gatewayReference = gatewayReference;
        authorization.createdAt = Instant.now();
        return authorization;
    }

    public void approve(String gatewayReference) {
        this.status = AuthorizationStatus.AUTHORIZED;
        this.gatewayReference = gatewayReference;
    }

    public void capture() {
        this.status = AuthorizationStatus.CAPTURED;
    }

    public void markVoided() {
        this.status = AuthorizationStatus.VOIDED;
        this.voidedAt = Instant.now();
    }

    /** The same order authorized again after a void: this row holds the new authorization. */
    public void renew(BigDecimal amount, String currency, AuthorizationStatus status, String gatewayReference) {
        this.amount = amount;
        this.currency = currency;
        this.status = status;
        this.gatewayReference = gatewayReference;
        this.createdAt = Instant.now();
        this.voidedAt = null;
    }
}
