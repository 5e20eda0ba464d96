package io.otelref.billing.config;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Switches between a deliberate performance mistake and its fix while the service runs, so the
 * difference can be watched in traces and metrics without a restart. Starts from
 * {@link BillingFixesConfig} ({@code billing.fix.*}).
 */
@ApplicationScoped
public class BillingFixes {

    private final BillingFixesConfig configured;
    private volatile boolean releaseLockBeforeGateway;
    private volatile boolean retryBudget;

    BillingFixes(BillingFixesConfig configured) {
        this.configured = configured;
        reset();
    }

    /**
     * False (the default, the mistake): a payment authorization keeps its account row locked while it
     * waits for the payment gateway, so every other authorization of that account waits as well. True
     * (the fix): the credit is reserved and the lock released before the gateway is called.
     */
    public boolean releaseLockBeforeGateway() {
        return releaseLockBeforeGateway;
    }

    public void releaseLockBeforeGateway(boolean enabled) {
        this.releaseLockBeforeGateway = enabled;
    }

    /**
     * False (the default, the mistake): a failed gateway authorization is retried up to three times
     * whatever else is failing, on top of the retries of the caller; when the gateway struggles, it
     * gets four times the requests. True (the fix): retries are made only within a retry budget, a
     * share of the first attempts (see {@code GatewayRetryBudget}).
     */
    public boolean retryBudget() {
        return retryBudget;
    }

    public void retryBudget(boolean enabled) {
        this.retryBudget = enabled;
    }

    /** Back to the configured values. */
    public void reset() {
        this.releaseLockBeforeGateway = configured.releaseLockBeforeGateway();
        this.retryBudget = configured.retryBudget();
    }
}
