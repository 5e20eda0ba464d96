package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.authorize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.otelref.billing.client.PaymentGatewayClient;
import io.otelref.billing.config.BillingFixes;
import io.otelref.billing.simulation.GatewaySimulation;
import io.otelref.testing.ExportedMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * The retry-storm fix: with the gateway failing every call, how many requests reach it per
 * authorization, counted by the simulated gateway itself. The circuit breaker, which would open after
 * 20 failed attempts and then shield the gateway in both modes, is reset before each authorization so
 * that only the retries are measured.
 */
@QuarkusTest
class RetryStormTest {

    @Inject
    GatewaySimulation simulation;

    @Inject
    BillingFixes fixes;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    ExportedMetrics metrics;

    private static final Attributes AUTHORIZE_AT_THE_GATEWAY = Attributes.of(AttributeKey.stringKey("dependency"),
            "payment-gateway", AttributeKey.stringKey("operation"), "authorize");

    @BeforeEach
    void failEveryGatewayCall() {
        simulation.change(simulation.behaviour().withErrorRate(1.0));
    }

    @AfterEach
    void reset() {
        simulation.reset();
        fixes.reset();
        circuitBreakers.resetAll();
    }

    @Test
    void withoutTheBudgetEveryFailedAuthorizationReachesTheGatewayFourTimes() {
        int authorizations = 8;
        long callsBefore = simulation.calls();
        double resendsBefore = resends();

        failingAuthorizations(authorizations);

        long calls = simulation.calls() - callsBefore;
        assertEquals(4 * authorizations, calls, "one attempt and three retries each");
        assertEquals(calls - authorizations, resends() - resendsBefore, 0.0, "every retry is a counted resend");
    }

    /**
     * The budget grants 10 % of the first attempts of the last 10 s plus 10 (one per second of the
     * window): at most 100 + 10 + 10 calls for 100 authorizations made here, a few more if other tests
     * authorized in the same window.
     */
    @Test
    void withTheBudgetFailedAuthorizationsAreRetriedOnlyWithinItsShare() {
        fixes.retryBudget(true);
        int authorizations = 100;
        long callsBefore = simulation.calls();
        double resendsBefore = resends();
        double refusedBefore = refusedRetries();

        failingAuthorizations(authorizations);

        long calls = simulation.calls() - callsBefore;
        assertTrue(calls < 1.5 * authorizations, () -> calls + " gateway calls for " + authorizations + " authorizations");
        assertEquals(calls - authorizations, resends() - resendsBefore, 0.0, "every retry is a counted resend");
        double refused = refusedRetries() - refusedBefore;
        assertTrue(refused >= authorizations / 2.0, () -> refused + " refused retries counted");
    }

    private void failingAuthorizations(int count) {
        for (int i = 0; i < count; i++) {
            circuitBreakers.reset(PaymentGatewayClient.AUTHORIZE_CIRCUIT_BREAKER);
            authorize(UUID.randomUUID(), "acc-0700", "10.00").then().statusCode(503);
        }
    }

    private double resends() {
        return metrics.counter("app.dependency.retries", AUTHORIZE_AT_THE_GATEWAY);
    }

    private double refusedRetries() {
        return metrics.counter("app.dependency.retry_budget.exhausted", AUTHORIZE_AT_THE_GATEWAY);
    }
}
