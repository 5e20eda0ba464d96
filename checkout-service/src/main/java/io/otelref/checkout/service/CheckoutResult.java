package io.otelref.checkout.service;

import java.util.UUID;

/**
 * The response a checkout request gets, either produced now or replayed from its Idempotency-Key.
 *
 * @param body a response object, or the stored JSON text of a replayed response
 */
public record CheckoutResult(int status, String mediaType, Object body, UUID orderId, boolean replayed) {
}
