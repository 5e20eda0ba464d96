package io.otelref.billing.service;

import java.math.BigDecimal;
import java.util.UUID;

/** A validated request to authorize the payment of one order. */
public record AuthorizationCommand(UUID orderId, String accountId, BigDecimal amount, String currency) {
}
