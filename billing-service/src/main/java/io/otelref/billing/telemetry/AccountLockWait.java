package io.otelref.billing.telemetry;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * Time spent waiting for an account's row lock ({@code SELECT … FOR UPDATE}), the direct measure of
 * lock contention: near zero while authorizations of an account do not overlap, and as long as the
 * lock holder's work when they do, including a payment gateway call if the lock is held across it.
 * Exposed as the histogram {@value #METRIC} ({@code app_account_lock_wait_seconds} in Prometheus),
 * whose buckets carry trace exemplars pointing at the waiting requests.
 */
// Registered at startup so that the histogram is scraped, at zero, before the first authorization.
@Startup
@Singleton
public class AccountLockWait {

    public static final String METRIC = "app.account.lock.wait";

    private final Timer timer;

    AccountLockWait(MeterRegistry registry) {
        this.timer = Timer.builder(METRIC)
                .description("Time spent waiting for the row lock of an account before authorizing a payment")
                .serviceLevelObjectives(
                        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5))
                .register(registry);
    }

    /** Runs {@code lockQuery}, the statement that takes the lock, and records how long it took. */
    public <T> T measure(Supplier<T> lockQuery) {
        return timer.record(lockQuery);
    }
}
