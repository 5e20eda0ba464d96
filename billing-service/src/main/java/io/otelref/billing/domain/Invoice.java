package io.otelref.billing.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An invoice of an order, issued when the payment gateway captured its authorization; at most one per
 * idempotency key, so one per order only as long as the caller keeps one key per order.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    /** The caller's key for this invoice; the gateway capture was made under the same key. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "authorization_id")
    public UUID authorizationId;

    @Column(name = "account_id")
    public String accountId;

    public BigDecimal amount;

    public String currency;

    /** The gateway's id of the capture that this invoice bills. */
    @Column(name = "gateway_reference")
    public String gatewayReference;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Invoice issuedFor(PaymentAuthorization authorization, String idempotencyKey, String captureReference) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.orderId = authorization.orderId;
        invoice.idempotencyKey = idempotencyKey;
        invoice.authorizationId = authorization.id;
        invoice.accountId = authorization.accountId;
        invoice.amount = authorization.amount;
        invoice.currency = authorization.currency;
        invoice.gatewayReference = captureReference;
        invoice.createdAt = Instant.now();
        return invoice;
    }
}
