package io.otelref.checkout.stub;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A singleton, not application-scoped: tests write its fields directly, which a client proxy would
 * silently swallow. Programmable behaviour of {@link BillingStubResource}: the real billing-service is exercised by its
 * own tests and by the end-to-end suite; here each test decides how billing answers.
 */
@Singleton
public class BillingStub {

    public static final BigDecimal UNIT_PRICE = new BigDecimal("10.00");

    public volatile Duration priceLatency = Duration.ofMillis(150);
    public final Set<String> unknownSkus = ConcurrentHashMap.newKeySet();
    public final Set<String> unavailableSkus = ConcurrentHashMap.newKeySet();
    public final Set<String> unknownAccounts = ConcurrentHashMap.newKeySet();
    public final Set<String> decliningAccounts = ConcurrentHashMap.newKeySet();
    public final AtomicInteger priceFailuresToServe = new AtomicInteger();
    public final AtomicInteger authorizationFailuresToServe = new AtomicInteger();
    public volatile boolean down;
    public final Map<String, AtomicInteger> priceCalls = new ConcurrentHashMap<>();
    public final AtomicInteger authorizationCalls = new AtomicInteger();
    public volatile Duration authorizationLatency = Duration.ZERO;
    /** Order id to account of every payment authorized and not voided, as billing would hold it. */
    public final Map<UUID, String> authorized = new ConcurrentHashMap<>();
    public final Set<UUID> voided = ConcurrentHashMap.newKeySet();
    /** Order id to account of every authorization asked for, whatever the answer. */
    public final Map<UUID, String> authorizationRequests = new ConcurrentHashMap<>();
    public final AtomicInteger voidCalls = new AtomicInteger();

    private final CircuitBreakerMaintenance circuitBreakers;

    BillingStub(CircuitBreakerMaintenance circuitBreakers) {
        this.circuitBreakers = circuitBreakers;
    }

    /** Back to a healthy billing, and to a checkout that remembers no earlier failures of it. */
    public void reset() {
        circuitBreakers.resetAll();
        priceLatency = Duration.ofMillis(150);
        unknownSkus.clear();
        unavailableSkus.clear();
        unknownAccounts.clear();
        decliningAccounts.clear();
        priceFailuresToServe.set(0);
        authorizationFailuresToServe.set(0);
        down = false;
        priceCalls.clear();
        authorizationCalls.set(0);
        authorizationLatency = Duration.ZERO;
        authorized.clear();
        authorizationRequests.clear();
        voided.clear();
        voidCalls.set(0);
    }

    static boolean takeOne(AtomicInteger failuresToServe) {
        return failuresToServe.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }
}
