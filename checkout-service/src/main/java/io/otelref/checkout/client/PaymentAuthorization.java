package io.otelref.checkout.client;

import java.math.BigDecimal;
import java.util.UUID;

public record PaymentAuthorization(UUID authorizationId, UUID orderId, String accountId, BigDecimal amount,
        String currency, String status) {
}
