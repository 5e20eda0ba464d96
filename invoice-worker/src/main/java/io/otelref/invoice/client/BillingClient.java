package io.otelref.invoice.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.otelref.invoice.config.WorkerFixes;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.DownstreamFailures;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.platform.resilience.TracedRetries;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Calls billing-service with a short fault-tolerance policy: a few quick retries ride out a blip, while
 * a longer outage is left to the worker's own retry of the whole record. Every attempt is its own
 * CLIENT span and resends carry {@code http.request.resend_count}. Only failures that a later attempt
 * could fix are retried; a rejection (4xx) passes straight through and never opens the breaker.
 * Values can be tuned without a rebuild, e.g.
 * {@code io.otelref.invoice.client.BillingClient/createInvoice/Retry/maxRetries=5}.
 */
@ApplicationScoped
public class BillingClient {

    public static final String DEPENDENCY = "billing-service";

    private final InvoicesApi api;
    private final WorkerFixes fixes;

    BillingClient(@RestClient InvoicesApi api, WorkerFixes fixes) {
        this.api = api;
        this.fixes = fixes;
    }

    /**
     * Safe to retry only while {@link WorkerFixes#idempotencyKeyPerOrder()} is on: billing issues at most
     * one invoice per idempotency key, and the order id names the same invoice on every attempt and
     * every redelivery. The key is chosen here, in the body that fault tolerance runs once per attempt,
     * so with the fix off every attempt carries a key of its own.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 100, jitter = 50, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public Invoice createInvoice(String orderId) {
        String idempotencyKey = fixes.idempotencyKeyPerOrder() ? orderId : UUID.randomUUID().toString();
        return DownstreamFailures.call(DEPENDENCY, () -> api.createInvoice(idempotencyKey, new InvoiceRequest(orderId)));
    }
}
