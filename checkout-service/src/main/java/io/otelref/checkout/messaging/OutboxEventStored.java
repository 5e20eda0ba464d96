package io.otelref.checkout.messaging;

/** Fired when an event is written to the outbox; observed after the transaction commits. */
public record OutboxEventStored() {
}
