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

/**
 * Calls the payment gateway with a fault-tolerance policy. Every attempt is its own CLIENT span and
 * resends carry {@code http.request.resend_count}. Only failures that a later attempt could fix (5xx,
 * connection failures, timeouts) are retried; after the last attempt the caller gets a
 * {@link DependencyUnavailableException}. Each value can be tuned without a rebuild, e.g.
 * {@code io.otelref.billing.client.PaymentGatewayClient/authorize/Timeout/value=500}.
 */
@ApplicationScoped
public class PaymentGatewayClient {

    /** The gateway's name in {@code peer.service}, in {@code app.dependency.retries} and in problem details. */
    public static final String DEPENDENCY = "payment-gateway";

    private final PaymentGatewayApi api;

    PaymentGatewayClient(@RestClient PaymentGatewayApi api) {
        this.api = api;
    }

    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 50, jitter = 25, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public GatewayAuthorization authorize(GatewayAuthorizationRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.authorize(request));
    }

    /**
     * Safe to retry: the gateway captures at most once per {@code idempotencyKey}, so a capture whose
     * answer was lost is not charged again.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @Retry(maxRetries = 3, delay = 50, jitter = 25, retryOn = { DependencyUnavailableException.class, TimeoutException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5000, skipOn = DownstreamRejection.class)
    public GatewayCapture capture(String idempotencyKey, GatewayCaptureRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.capture(idempotencyKey, request));
    }
}
