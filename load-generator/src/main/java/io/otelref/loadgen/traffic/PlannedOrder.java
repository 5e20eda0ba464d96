package io.otelref.loadgen.traffic;

/** An order and whether the client sends it a second time with the same Idempotency-Key. */
public record PlannedOrder(CheckoutOrder order, boolean resend) {
}
