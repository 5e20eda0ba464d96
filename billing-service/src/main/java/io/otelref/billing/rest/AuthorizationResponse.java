package io.otelref.billing.rest;

import java.math.BigDecimal;
import java.util.UUID;

import io.otelref.billing.domain.AuthorizationStatus;
import io.otelref.billing.domain.PaymentAuthorization;

/** {@code status} is AUTHORIZED, CAPTURED when a replay finds the order already invoiced, or VOIDED. */
public record AuthorizationResponse(UUID authorizationId, UUID orderId, String accountId, BigDecimal amount,
        String currency, AuthorizationStatus status) {

    static AuthorizationResponse of(PaymentAuthorization authorization) {
        return new AuthorizationResponse(authorization.id, authorization.orderId, authorization.accountId,
                authorization.amount, authorization.currency, authorization.status);
    }
}
