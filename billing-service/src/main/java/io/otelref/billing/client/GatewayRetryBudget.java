package io.otelref.billing.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.otelref.billing.config.BillingFixes;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.RetryBudget;

/**
 * Decides whether a failed gateway authorization is tried again: only a failure that a later attempt
 * could fix, and, while {@link BillingFixes#retryBudget()} is on, only within a {@link RetryBudget} of
 * 10 % of the first attempts of the last 10 s plus one retry per second. First attempts and retries
 * are counted whether the fix is on or not, so switching it on mid-storm judges by the real traffic.
 * Refused retries are counted in {@code app.dependency.retry_budget.exhausted}.
 */
@ApplicationScoped
public class GatewayRetryBudget {

    static final String EXHAUSTED_METRIC = "app.dependency.retry_budget.exhausted";

    private final RetryBudget budget = new RetryBudget(0.1, 1, Duration.ofSeconds(10));
    private final BillingFixes fixes;
    private final Counter refused;

    GatewayRetryBudget(BillingFixes fixes, MeterRegistry registry) {
        this.fixes = fixes;
        this.refused = Counter.builder(EXHAUSTED_METRIC)
                .description("Retries of a failed call that the retry budget refused")
                .tag("dependency", PaymentGatewayClient.DEPENDENCY)
                .tag("operation", "authorize")
                .register(registry);
    }

    void recordFirstAttempt() {
        budget.recordFirstAttempt();
    }

    /**
     * Asked by fault tolerance after every failed attempt. Fault tolerance also asks after the last
     * attempt it would make anyway, so a refusal counted then was not a retry lost; that happens only
     * to a call that already had all its retries, which a binding budget rarely grants.
     */
    boolean allowsRetryAfter(Throwable failure) {
        boolean worthRetrying = failure instanceof DependencyUnavailableException || failure instanceof TimeoutException;
        if (!worthRetrying || !fixes.retryBudget()) {
            return worthRetrying;
        }
        if (budget.allowsRetry()) {
            return true;
        }
        refused.increment();
        return false;
    }

    /**
     * Called when fault tolerance has decided on a retry, right after {@link #allowsRetryAfter} and before
     * the backoff, so concurrent failures see each other's retries almost at once.
     */
    void recordRetry() {
        budget.recordRetry();
    }
}
