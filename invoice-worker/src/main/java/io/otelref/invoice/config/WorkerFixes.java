package io.otelref.invoice.config;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Switches between a deliberate correctness mistake and its fix while the worker runs. Starts from
 * {@link WorkerFixesConfig} ({@code worker.fix.*}).
 */
@ApplicationScoped
public class WorkerFixes {

    private final WorkerFixesConfig configured;
    private volatile boolean idempotencyKeyPerOrder;

    WorkerFixes(WorkerFixesConfig configured) {
        this.configured = configured;
        reset();
    }

    /**
     * True (the default, correct): every request to create an order's invoice carries the order id as
     * its {@code Idempotency-Key}, so billing answers a retried or redelivered request with the invoice
     * it already issued. False (the mistake behind the duplicate-delivery scenario): each attempt mints
     * a fresh key, so an attempt that timed out here but completed in billing is invoiced, and charged,
     * a second time.
     */
    public boolean idempotencyKeyPerOrder() {
        return idempotencyKeyPerOrder;
    }

    public void idempotencyKeyPerOrder(boolean enabled) {
        this.idempotencyKeyPerOrder = enabled;
    }

    /** Back to the configured values. */
    public void reset() {
        this.idempotencyKeyPerOrder = configured.idempotencyKeyPerOrder();
    }
}
