package io.otelref.billing.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.otelref.billing.config.BillingFixes;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.RetryBudget;
import io.otelref.platform.resilience.TracedRetriesInterceptor;

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
    private static final Attributes AUTHORIZE = Attributes.of(TracedRetriesInterceptor.DEPENDENCY,
            PaymentGatewayClient.DEPENDENCY, TracedRetriesInterceptor.OPERATION, "authorize");

    private final LongCounter refused;

    GatewayRetryBudget(BillingFixes fixes, OpenTelemetry openTelemetry) {
        this.fixes = fixes;
        this.refused = openTelemetry.getMeter("io.otelref.billing").counterBuilder(EXHAUSTED_METRIC)
                .setUnit("{retry}")
                .setDescription("Retries of a failed call that the retry budget refused")
                .build();
        // At zero from the start, so that a rate() reads 0 rather than no data before the first refusal.
        refused.add(0, AUTHORIZE);
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
        refused.add(1, AUTHORIZE);
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
