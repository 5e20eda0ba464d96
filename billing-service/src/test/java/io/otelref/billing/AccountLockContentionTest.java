package io.otelref.billing;

import static io.otelref.billing.BillingHttpCalls.authorize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.Attributes;
import io.otelref.billing.config.BillingFixes;
import io.otelref.billing.simulation.GatewaySimulation;
import io.otelref.billing.telemetry.AccountLockWait;
import io.otelref.testing.ExportedMetrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Six authorizations of one account at once really queue on PostgreSQL's row lock, and
 * {@code app.account.lock_wait.duration} shows how long: compared on the measured waits, not on wall-clock time.
 */
@QuarkusTest
class AccountLockContentionTest {

    private static final int CONCURRENT_AUTHORIZATIONS = 6;
    private static final Duration GATEWAY_LATENCY = Duration.ofMillis(150);

    @Inject
    ExportedMetrics metrics;

    @Inject
    GatewaySimulation simulation;

    @Inject
    BillingFixes fixes;

    @AfterEach
    void resetRuntimeSwitches() {
        simulation.reset();
        fixes.reset();
    }

    @Test
    void releasingTheLockBeforeTheGatewayCallShortensTheWaitForIt() throws Exception {
        simulation.change(simulation.behaviour().withFixedLatency(GATEWAY_LATENCY));

        Duration waitedWhileHeldAcrossGateway = totalLockWaitOfConcurrentAuthorizations("acc-0401");
        fixes.releaseLockBeforeGateway(true);
        Duration waitedWhileReleasedBeforeGateway = totalLockWaitOfConcurrentAuthorizations("acc-0402");

        // Held across the call, the n-th in line waits for the n gateway calls ahead of it: 0 + 1 + … + 5 = 15 calls.
        long queuedGatewayCalls = (long) CONCURRENT_AUTHORIZATIONS * (CONCURRENT_AUTHORIZATIONS - 1) / 2;
        Duration expectedWhileHeld = GATEWAY_LATENCY.multipliedBy(queuedGatewayCalls);
        assertTrue(waitedWhileHeldAcrossGateway.compareTo(expectedWhileHeld.multipliedBy(6).dividedBy(10)) >= 0,
                () -> "waited " + waitedWhileHeldAcrossGateway + ", expected about " + expectedWhileHeld);
        assertTrue(waitedWhileReleasedBeforeGateway.multipliedBy(3).compareTo(waitedWhileHeldAcrossGateway) < 0,
                () -> "waited " + waitedWhileReleasedBeforeGateway + " with the fix, " + waitedWhileHeldAcrossGateway + " without");
    }

    private Duration totalLockWaitOfConcurrentAuthorizations(String accountId) throws Exception {
        long countBefore = metrics.histogramCount(AccountLockWait.METRIC, Attributes.empty());
        double secondsBefore = metrics.histogramSum(AccountLockWait.METRIC, Attributes.empty());

        List<Integer> statuses = Concurrently.call(CONCURRENT_AUTHORIZATIONS,
                () -> authorize(UUID.randomUUID(), accountId, "10.00").statusCode());

        assertEquals(Collections.nCopies(CONCURRENT_AUTHORIZATIONS, 201), statuses);
        assertEquals(countBefore + CONCURRENT_AUTHORIZATIONS, metrics.histogramCount(AccountLockWait.METRIC, Attributes.empty()));
        return Duration.ofNanos((long) ((metrics.histogramSum(AccountLockWait.METRIC, Attributes.empty()) - secondsBefore) * 1e9));
    }
}
