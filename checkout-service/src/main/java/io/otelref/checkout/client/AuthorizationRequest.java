package io.otelref.checkout.client;

import java.math.BigDecimal;
import java.util.UUID;

/** The order id makes the authorization idempotent at billing, so retrying it never charges twice. */
public record AuthorizationRequest(UUID orderId, String accountId, BigDecimal amount, String currency) {
}
