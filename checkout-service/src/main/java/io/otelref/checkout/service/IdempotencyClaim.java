package io.otelref.checkout.service;

import java.util.Optional;
import java.util.UUID;

/**
 * The right to execute one checkout: the order id it will use, and, when the key was seen before
 * and completed, the stored response to replay instead.
 *
 * @param key null when the request carried no Idempotency-Key
 */
public record IdempotencyClaim(String key, UUID orderId, Optional<CheckoutResult> replay) {

    static IdempotencyClaim unkeyed() {
        return new IdempotencyClaim(null, UUID.randomUUID(), Optional.empty());
    }

    static IdempotencyClaim fresh(String key, UUID orderId) {
        return new IdempotencyClaim(key, orderId, Optional.empty());
    }

    static IdempotencyClaim replayOf(String key, CheckoutResult stored) {
        return new IdempotencyClaim(key, stored.orderId(), Optional.of(stored));
    }

    boolean isKeyed() {
        return key != null;
    }
}
