package io.otelref.platform.events;

/** Kafka topic names; the test profile of each service prefixes them with {@code test.} to stay apart from a running demo. */
public final class Topics {

    public static final String ORDERS_PLACED = "orders.placed";
    public static final String ORDERS_PLACED_DEAD_LETTER = "orders.placed.dlq";
    public static final String INVOICES_CREATED = "invoices.created";

    private Topics() {
    }
}
