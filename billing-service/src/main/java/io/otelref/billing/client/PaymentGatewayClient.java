package io.otelref.billing.client;

import java.time.temporal.ChronoUnit;

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
import io.smallrye.faulttolerance.api.Guard;

/**
 * Calls the payment gateway with a fault-tolerance policy. Every attempt is its own CLIENT span and
 * resends carry {@code http.request.resend_count}. Only failures that a later attempt could fix (5xx,
 * connection failures, timeouts) are retried; after the last attempt the caller gets a
 * {@link DependencyUnavailableException}. The values of {@link #capture} can be tuned without a
 * rebuild, e.g. {@code io.otelref.billing.client.PaymentGatewayClient/capture/Timeout/value=500}.
 */
@ApplicationScoped
public class PaymentGatewayClient {

    /** The gateway's name in {@code server.service.name}, in {@code app.dependency.retries} and in problem details. */
    public static final String DEPENDENCY = "payment-gateway";

    /** The name under which {@code CircuitBreakerMaintenance} knows the breaker of {@link #authorize}. */
    public static final String AUTHORIZE_CIRCUIT_BREAKER = "payment-gateway-authorize";

    private final PaymentGatewayApi api;
    private final GatewayRetryBudget retryBudget;
    private final Guard authorizeGuard;

    PaymentGatewayClient(@RestClient PaymentGatewayApi api, GatewayRetryBudget retryBudget) {
        this.api = api;
        this.retryBudget = retryBudget;
        // The same policy as capture's annotations, built in code because whether to retry depends on
        // a bean: the retry budget, switched at runtime. @RetryWhen cannot ask a bean (SmallRye creates
        // its predicate reflectively), and a check inside the method would run only after the backoff,
        // inside the circuit breaker, where a refused retry would count as a call. The order is the
        // annotations' order: retry around circuit breaker around timeout.
        this.authorizeGuard = Guard.create()
                .withDescription(DEPENDENCY + " authorize")
                .withRetry()
                    .maxRetries(3).delay(50, ChronoUnit.MILLIS).jitter(25, ChronoUnit.MILLIS)
                    .withExponentialBackoff().factor(2).maxDelay(1, ChronoUnit.SECONDS).done()
                    .whenException(retryBudget::allowsRetryAfter)
                    .onRetry(retryBudget::recordRetry)
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(20).failureRatio(0.5).delay(5000, ChronoUnit.MILLIS)
                    .skipOn(DownstreamRejection.class).name(AUTHORIZE_CIRCUIT_BREAKER)
                    .done()
                .withTimeout().duration(1000, ChronoUnit.MILLIS).done()
                .build();
    }

    @TracedRetries(dependency = DEPENDENCY)
    public GatewayAuthorization authorize(GatewayAuthorizationRequest request) {
        retryBudget.recordFirstAttempt();
        return authorizeGuard.get(() -> DownstreamFailures.call(DEPENDENCY, () -> api.authorize(request)),
                GatewayAuthorization.class);
    }

    /** Safe to retry: voiding a voided authorization changes nothing at the gateway. */
    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 50, jitter = 25, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public void voidAuthorization(String authorizationReference) {
        DownstreamFailures.call(DEPENDENCY, () -> {
            api.voidAuthorization(authorizationReference);
            return null;
        });
    }

    /**
     * Safe to retry: the gateway captures at most once per {@code idempotencyKey}, so a capture whose
     * answer was lost is not charged again. The timeout is 5 s, not 1 s: a real gateway may take
     * seconds to capture, and abandoning a capture that then succeeds only moves the uncertainty to
     * our caller. A caller that waits less than that (invoice-worker waits 3 s) gives up on invoices
     * that are still being issued: the latent fault of the duplicate-delivery scenario.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 50, jitter = 25, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(5000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public GatewayCapture capture(String idempotencyKey, GatewayCaptureRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.capture(idempotencyKey, request));
    }
}
