package io.otelref.billing.client;

import java.math.BigDecimal;

/** Asks the payment gateway to hold {@code amount} on the account; {@code merchantReference} is our order id. */
public record GatewayAuthorizationRequest(String merchantReference, String accountId, BigDecimal amount,
        String currency) {
}
