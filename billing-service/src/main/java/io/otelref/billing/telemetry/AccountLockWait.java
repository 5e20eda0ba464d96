package io.otelref.billing.telemetry;

import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;

/**
 * Time spent waiting for an account's row lock ({@code SELECT … FOR UPDATE}), the direct measure of
 * lock contention: near zero while authorizations of an account do not overlap, and as long as the
 * lock holder's work when they do, including a payment gateway call if the lock is held across it.
 * Exposed as the histogram {@value #METRIC} in seconds ({@code app_account_lock_wait_duration_seconds} in
 * Prometheus), whose buckets carry trace exemplars pointing at the waiting requests.
 */
@Singleton
public class AccountLockWait {

    public static final String METRIC = "app.account.lock_wait.duration";

    private static final List<Double> BUCKETS = List.of(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0);

    private final DoubleHistogram histogram;

    AccountLockWait(OpenTelemetry openTelemetry) {
        this.histogram = openTelemetry.getMeter("io.otelref.billing").histogramBuilder(METRIC).setUnit("s")
                .setDescription("Time spent waiting for the row lock of an account before authorizing a payment")
                .setExplicitBucketBoundariesAdvice(BUCKETS).build();
    }

    /** Runs {@code lockQuery}, the statement that takes the lock, and records how long it took. */
    public <T> T measure(Supplier<T> lockQuery) {
        long started = System.nanoTime();
        try {
            return lockQuery.get();
        } finally {
            histogram.record((System.nanoTime() - started) / 1e9);
        }
    }
}
