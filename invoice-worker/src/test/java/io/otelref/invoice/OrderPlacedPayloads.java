package io.otelref.invoice;

import java.util.UUID;

/** orders.placed payloads as checkout-service's outbox relay writes them. */
final class OrderPlacedPayloads {

    private OrderPlacedPayloads() {
    }

    /** A complete OrderPlaced; an {@code orderId} that is not a UUID makes it an invalid one. */
    static String valid(String orderId) {
        return """
                {"eventId":"%s","orderId":"%s","accountId":"acc-0042","total":42.50,"currency":"EUR",\
                "placedAt":"2026-01-01T10:00:00Z"}""".formatted(UUID.randomUUID(), orderId);
    }
}
