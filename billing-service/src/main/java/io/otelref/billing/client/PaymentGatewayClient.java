package io.otelref.billing.client;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.otelref.platform.resilience.DependencyPolicy;
import io.otelref.platform.resilience.DependencyUnavailableException;
import io.otelref.platform.resilience.DownstreamFailures;
import io.otelref.platform.resilience.TracedRetries;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Calls the payment gateway under {@link #POLICY}, this dependency's one policy. Every attempt is its own
 * CLIENT span and resends carry {@code http.request.resend_count}. Only failures that a later attempt could
 * fix (5xx, connection failures, timeouts) are retried; after the last attempt the caller gets a
 * {@link DependencyUnavailableException}. Tune it without a rebuild, e.g.
 * {@code smallrye.faulttolerance."payment-gateway".timeout.value=500}.
 */
@ApplicationScoped
public class PaymentGatewayClient {

    /** The gateway's name in {@code server.service.name}, in {@code app.dependency.retries} and in problem details. */
    public static final String DEPENDENCY = "payment-gateway";

    /** The name under which {@code CircuitBreakerMaintenance} knows the breaker of {@link #authorize}. */
    public static final String AUTHORIZE_CIRCUIT_BREAKER = "payment-gateway-authorize";
    static final String CAPTURE = "payment-gateway-capture";

    /**
     * The gateway answers in about 100 ms, so an attempt gets 1 s and retries start at 50 ms, and billing
     * answers its own callers within their 3 s even after a retry or two.
     */
    static final DependencyPolicy POLICY = DependencyPolicy.DEFAULT.withAttemptTimeout(Duration.ofSeconds(1))
            .withRetryDelays(Duration.ofMillis(50), Duration.ofSeconds(1));

    @Produces
    @Identifier(DEPENDENCY)
    static final Guard GUARD = POLICY.guard(DEPENDENCY);

    /**
     * Captures get 5 s, not 1 s: a real gateway may take seconds to capture, and abandoning a capture that
     * then succeeds only moves the uncertainty to our caller. A caller that waits less than that
     * (invoice-worker waits 3 s) gives up on invoices that are still being issued: the latent fault of the
     * duplicate-delivery scenario.
     */
    @Produces
    @Identifier(CAPTURE)
    static final Guard CAPTURE_GUARD = POLICY.withAttemptTimeout(Duration.ofSeconds(5)).guard(CAPTURE);

    private final PaymentGatewayApi api;
    private final GatewayRetryBudget retryBudget;
    private final Guard authorizeGuard;

    PaymentGatewayClient(@RestClient PaymentGatewayApi api, GatewayRetryBudget retryBudget) {
        this.api = api;
        this.retryBudget = retryBudget;
        // Built here rather than produced for @ApplyGuard: whether to retry depends on a bean, the retry
        // budget switched at runtime, and the first attempt must be counted once per call, outside the
        // guard. @RetryWhen cannot ask a bean (SmallRye creates its predicate reflectively), and a check
        // inside the method would run only after the backoff, inside the circuit breaker, where a refused
        // retry would count as a call.
        this.authorizeGuard = POLICY.guard(AUTHORIZE_CIRCUIT_BREAKER, retryBudget::allowsRetryAfter, retryBudget::recordRetry);
    }

    @TracedRetries(dependency = DEPENDENCY)
    public GatewayAuthorization authorize(GatewayAuthorizationRequest request) {
        retryBudget.recordFirstAttempt();
        return authorizeGuard.get(() -> DownstreamFailures.call(DEPENDENCY, () -> api.authorize(request)),
                GatewayAuthorization.class);
    }

    /** Safe to retry: voiding a voided authorization changes nothing at the gateway. */
    @TracedRetries(dependency = DEPENDENCY)
    @ApplyGuard(DEPENDENCY)
    public void voidAuthorization(String authorizationReference) {
        DownstreamFailures.call(DEPENDENCY, () -> {
            api.voidAuthorization(authorizationReference);
            return null;
        });
    }

    /**
     * Safe to retry: the gateway captures at most once per {@code idempotencyKey}, so a capture whose
     * answer was lost is not charged again.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @ApplyGuard(CAPTURE)
    public GatewayCapture capture(String idempotencyKey, GatewayCaptureRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.capture(idempotencyKey, request));
    }
}
