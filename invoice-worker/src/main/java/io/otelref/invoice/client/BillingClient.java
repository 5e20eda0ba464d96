package io.otelref.invoice.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.otelref.invoice.config.WorkerFixes;
import io.otelref.messaging.RecordProcessing;
import io.otelref.platform.resilience.DependencyPolicy;
import io.otelref.platform.resilience.DownstreamFailures;
import io.otelref.platform.resilience.TracedRetries;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Calls billing-service under {@link DependencyPolicy#DEFAULT}, the policy checkout uses for the same
 * dependency. Every attempt is its own CLIENT span and resends carry {@code http.request.resend_count}. Only
 * failures that a later attempt could fix are retried; a rejection (4xx) passes straight through and never
 * opens the breaker. Tune it without a rebuild, e.g.
 * {@code smallrye.faulttolerance."billing-service".retry.max-retries=5}.
 *
 * <p>Two retry loops nest here, on purpose: this guard's few quick retries ride out a blip within one
 * delivery, and {@link RecordProcessing} retries the whole record, with backoff from 1 s to 30 s, for as
 * long as billing stays unavailable, so no invoice is lost to an outage. They do not multiply into a storm:
 * the outer loop waits between its attempts, and once billing fails half of 20 calls the breaker opens, so
 * each further attempt of the record fails at once without a request. {@code BillingOutageTest} bounds the
 * requests one record sends through a whole outage.
 */
@ApplicationScoped
public class BillingClient {

    public static final String DEPENDENCY = "billing-service";

    @Produces
    @Identifier(DEPENDENCY)
    static final Guard GUARD = DependencyPolicy.DEFAULT.guard(DEPENDENCY);

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
    @ApplyGuard(DEPENDENCY)
    public Invoice createInvoice(String orderId) {
        String idempotencyKey = fixes.idempotencyKeyPerOrder() ? orderId : UUID.randomUUID().toString();
        return DownstreamFailures.call(DEPENDENCY, () -> api.createInvoice(idempotencyKey, new InvoiceRequest(orderId)));
    }
}
