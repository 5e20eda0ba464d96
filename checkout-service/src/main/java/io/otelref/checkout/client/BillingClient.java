package io.otelref.checkout.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.otelref.platform.resilience.DependencyPolicy;
import io.otelref.platform.resilience.DownstreamFailures;
import io.otelref.platform.resilience.DownstreamRejection;
import io.otelref.platform.resilience.TracedRetries;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Calls billing-service under {@link DependencyPolicy#DEFAULT}, the one policy of this dependency: pricing and
 * voids share the guard {@value #DEPENDENCY} and its circuit breaker; authorizations have guards of their own,
 * variants of the same policy, so that failing payments do not open the breaker of pricing. Every attempt is its own CLIENT span; resends carry
 * {@code http.request.resend_count}. Only failures that a later attempt could fix are retried; a rejection (4xx)
 * passes straight through and never opens the breaker. Tune it without a rebuild, e.g.
 * {@code smallrye.faulttolerance."billing-service".timeout.value=500}.
 */
@ApplicationScoped
public class BillingClient {

    static final String DEPENDENCY = "billing-service";
    static final String PAYMENTS_SENT_ONCE = "billing-service-payments-sent-once";
    static final String PAYMENTS_RETRIED_WITHOUT_BREAKER = "billing-service-payments-retried-without-breaker";

    @Produces
    @Identifier(DEPENDENCY)
    static final Guard GUARD = DependencyPolicy.DEFAULT.guard(DEPENDENCY);

    /**
     * Authorizations: billing retries the payment gateway behind this call and budgets those retries, so
     * this layer sends each one once, behind its own breaker (a payment that fails is not a price that
     * fails: it must not open the breaker of pricing).
     */
    @Produces
    @Identifier(PAYMENTS_SENT_ONCE)
    static final Guard PAYMENTS_SENT_ONCE_GUARD = DependencyPolicy.DEFAULT.withoutRetries().guard(PAYMENTS_SENT_ONCE);

    /**
     * The retry storm's mistake, kept so the failure scenario can switch it on ({@link #authorize}):
     * the default retries in a second layer, and no circuit breaker.
     */
    @Produces
    @Identifier(PAYMENTS_RETRIED_WITHOUT_BREAKER)
    static final Guard PAYMENTS_RETRIED_WITHOUT_BREAKER_GUARD = DependencyPolicy.DEFAULT.withoutCircuitBreaker()
            .guard(PAYMENTS_RETRIED_WITHOUT_BREAKER);

    private final PricesAndPaymentsApi api;

    BillingClient(@RestClient PricesAndPaymentsApi api) {
        this.api = api;
    }

    @TracedRetries(dependency = DEPENDENCY)
    @ApplyGuard(DEPENDENCY)
    public PriceQuote priceOf(String sku) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.price(sku));
    }

    /**
     * One attempt behind a circuit breaker, leaving retries to billing, the layer that knows the gateway and
     * budgets its retries. {@code @TracedRetries} stays so that a failure still reaches the caller as a
     * {@code DependencyUnavailableException}, and the retry metric staying flat is itself the evidence.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @ApplyGuard(PAYMENTS_SENT_ONCE)
    public PaymentAuthorization authorizeOnce(AuthorizationRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.authorize(request));
    }

    /**
     * The mistake: safe to retry (billing authorizes at most once per order id), but billing already retries
     * the payment gateway behind this call, so while the gateway fails each of these attempts becomes several
     * gateway calls. And no circuit breaker: nothing stops this layer from retrying into a billing that keeps
     * failing.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @ApplyGuard(PAYMENTS_RETRIED_WITHOUT_BREAKER)
    public PaymentAuthorization authorize(AuthorizationRequest request) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.authorize(request));
    }

    /**
     * Gives back the money held for an order that was never stored. Safe to retry: billing voids an
     * authorization once. A 404 (nothing was authorized) arrives as a {@link DownstreamRejection}.
     */
    @TracedRetries(dependency = DEPENDENCY)
    @ApplyGuard(DEPENDENCY)
    public PaymentAuthorization voidAuthorization(UUID orderId) {
        return DownstreamFailures.call(DEPENDENCY, () -> api.voidAuthorization(orderId.toString()));
    }
}
