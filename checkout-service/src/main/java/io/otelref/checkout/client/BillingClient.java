package io.otelref.checkout.client;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.DownstreamFailures;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.platform.resilience.TracedRetries;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * Calls billing-service with the fault-tolerance policy of each operation. Every attempt is its own
 * CLIENT span; resends carry {@code http.request.resend_count}. Only failures that a later attempt
 * could fix are retried; a rejection (4xx) passes straight through and never opens the breaker.
 * Each value can be tuned without a rebuild, e.g.
 * {@code io.otelref.checkout.client.BillingClient/priceOf/Timeout/value=500}.
 */
@ApplicationScoped
public class BillingClient {

    static final String DEPENDENCY = "billing-service";

    private final PricesAndPaymentsApi api;

    BillingClient(@RestClient PricesAndPaymentsApi api) {
        this.api = api;
    }

    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 50, jitter = 25, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public PriceQuote priceOf(String sku) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.price(sku));
    }

    /**
     * The retry storm's mistake, kept so the failure scenario can switch it on: safe to retry (billing
     * authorizes at most once per order id), but billing already retries the payment gateway behind
     * this call, so while the gateway fails each of these attempts becomes several gateway calls. And
     * no circuit breaker: nothing stops this layer from retrying into a billing that keeps failing.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 100, jitter = 50, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(3000)
    public PaymentAuthorization authorize(AuthorizationRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.authorize(request));
    }

    /**
     * Gives back the money held for an order that was never stored. Safe to retry: billing voids an
     * authorization once. A 404 (nothing was authorized) arrives as a {@link DownstreamRejection}.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 100, jitter = 50, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public PaymentAuthorization voidAuthorization(UUID orderId) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.voidAuthorization(orderId.toString()));
    }

    /**
     * The fix: one attempt behind a circuit breaker, leaving retries to billing, the layer that knows
     * the gateway and budgets its retries. {@code @TracedRetries} stays so that a failure
     * still reaches the caller as a {@code DependencyUnavailableException}, and the retry metric
     * staying flat is itself the evidence.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @Timeout(3000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public PaymentAuthorization authorizeOnce(AuthorizationRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.authorize(request));
    }
}
